package net.sguil.bridge.smtp;

import java.util.Locale;

/**
 * One client command line, by its verb: the whole first token ({@code BDATX 25} is not BDAT), in
 * any case, as RFC 5321 allows.
 *
 * @param verb the first token, upper case; empty for an empty line
 * @param argument what follows the verb and its spaces, as sent
 */
record SmtpCommand(String verb, String argument) {
    /** A BDAT command's chunk: {@code BDAT size [LAST]}. */
    record Chunk(long size, boolean last) {
    }

    private static final int MAX_SIZE_DIGITS = 18;
    /** The verbs {@link #unmistakable()} knows. */
    private static final String[] VERBS = {"QUIT", "RSET", "DATA", "STARTTLS", "NOOP", "HELP", "HELO", "EHLO",
            "AUTH", "VRFY", "EXPN", "MAIL", "RCPT", "BDAT"};

    static SmtpCommand parse(String line) {
        int sp = 0;
        while (sp < line.length() && line.charAt(sp) != ' ' && line.charAt(sp) != '\t') {
            sp++;
        }
        int arg = sp;
        while (arg < line.length() && (line.charAt(arg) == ' ' || line.charAt(arg) == '\t')) {
            arg++;
        }
        return new SmtpCommand(line.substring(0, sp).toUpperCase(Locale.ROOT), line.substring(arg));
    }

    /** The chunk of a well-formed BDAT command; null for anything else ({@code BDAT 1234 SCRAMBLE} included). */
    Chunk chunk() {
        if (!verb.equals("BDAT")) {
            return null;
        }
        String[] parts = argument.trim().split("[ \t]+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty() || parts[0].length() > MAX_SIZE_DIGITS) {
            return null;
        }
        for (int i = 0; i < parts[0].length(); i++) {
            if (parts[0].charAt(i) < '0' || parts[0].charAt(i) > '9') {
                return null;
            }
        }
        boolean last = parts.length == 2;
        if (last && !parts[1].equalsIgnoreCase("LAST")) {
            return null;
        }
        return new Chunk(Long.parseLong(parts[0]), last);
    }

    /**
     * True when the line is unmistakably a command, never the first line of a message nor, in all
     * likelihood, a line inside one: a known verb with the arguments it takes. A header field
     * ({@code name:}) never passes. Used where the analyzer must tell commands from content without
     * the server's word: after a capture gap, or when a reply to DATA was not captured.
     */
    boolean unmistakable() {
        String a = argument.trim();
        return switch (verb) {
            case "QUIT", "RSET", "DATA", "STARTTLS" -> a.isEmpty();
            case "NOOP", "HELP" -> true;
            case "HELO", "EHLO", "AUTH", "VRFY", "EXPN" -> !a.isEmpty();
            case "MAIL" -> a.regionMatches(true, 0, "FROM:", 0, 5);
            case "RCPT" -> a.regionMatches(true, 0, "TO:", 0, 3);
            case "BDAT" -> chunk() != null;
            default -> false;
        };
    }

    /**
     * True when {@code prefix}, the start of a line not yet ended, may still become an
     * {@link #unmistakable()} command: worth holding until its line end.
     */
    static boolean mayBecomeCommand(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT);
        for (String v : VERBS) {
            int n = Math.min(p.length(), v.length());
            if (p.regionMatches(0, v, 0, n)
                    && (p.length() <= v.length() || " \t\r".indexOf(p.charAt(v.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The argument of MAIL FROM: / RCPT TO:, without angle brackets or parameters. */
    String address() {
        int colon = argument.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String rest = argument.substring(colon + 1).trim();
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            return close < 0 ? rest.substring(1) : rest.substring(1, close);
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }
}
