package net.sguil.bridge.sguil.agent;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sguild 1.0.0 makes of the 18 fields of a {@code GenericEvent} before MariaDB sees them
 * ({@code server/lib/SguildGenericEvent.tcl}, {@code SguildGenericDB.tcl}, {@code SguildUtils.tcl}),
 * for {@link FakeSguild}: the Tcl steps that throw (and so leave the agent without a reply), the
 * values as its unescaped SQL carries them, and what MariaDB with {@code sql_mode=''} stores or
 * answers. Field order is the protocol's (PROTOCOL.md §3).
 */
final class SguildGenericEvent {
    /** Thrown where sguild's Tcl fails before the insert: sguild logs it and sends nothing. */
    static final class TclError extends Exception {
        TclError(String what) {
            super(what, null, false, false);
        }
    }

    private static final String SYNTAX_ERROR = "mysqlexec/db server: You have an error in your SQL syntax; check the"
            + " manual that corresponds to your MariaDB server version for the right syntax to use near '";
    /** MariaDB quotes at most this many characters of the statement after a syntax error ({@code %-.80T}). */
    private static final int NEAR = 80;
    private static final Pattern CLOCK_SCAN =
            Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?: ([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?");
    private static final Pattern TCL_INTEGER = Pattern.compile("([+-]?)(0x[0-9a-fA-F]{1,15}|[0-9]{1,18})");
    private static final long INT_UNSIGNED_MAX = 0xFFFF_FFFFL;

    final List<String> fields;
    final String message;
    final LocalDate day;
    /** The sid and cid as MariaDB stores them from sguild's quoted strings. */
    final long sid;
    final long cid;
    private final String decSrc;
    private final String decDst;

    /** Runs sguild's conversions in its order: hex2string, InetAtoN twice, clock scan. */
    SguildGenericEvent(List<String> fields) throws TclError {
        this.fields = fields;
        this.message = hex2string(fields.get(8));
        this.decSrc = inetAtoN(fields.get(9));
        this.decDst = inetAtoN(fields.get(10));
        this.day = clockScan(fields.get(4));
        this.sid = intUnsigned(fields.get(5));
        this.cid = intUnsigned(fields.get(6));
    }

    /** Status 0 goes to the analysts, which needs the sid's net name from a RegisterAgent of this sguild. */
    boolean realTime() {
        try {
            return Double.parseDouble(fields.get(0)) == 0;
        } catch (NumberFormatException e) {
            return false; // Tcl compares it as a string then
        }
    }

    /**
     * MariaDB's answer to sguild's event-row INSERT when its unescaped values break the statement
     * (a {@code '} in any field but the message, which alone is escaped), else null.
     */
    String eventInsertError() {
        String ts = fields.get(4);
        String[] values = {fields.get(5), fields.get(6), fields.get(6), fields.get(7), ts, null, fields.get(14),
                fields.get(15), fields.get(16), ts, fields.get(1), fields.get(2), fields.get(0), decSrc, decDst,
                fields.get(11), "", "", "", "", "", "", "", "", ""};
        // sguild's Tcl string literal: each backslash-newline became one space, after the spaces before it
        String[] after = {", ", ", ", ", ", ", ", ", ", ",   ", ", ", ", ", ", ", ", ", ",    ", ", ", ", ", ", ", ", ",
                ",   ", ", ", ", ", ", ", ", ", ",           ", ", ", ", ", ", ", ""};
        StringBuilder sql = new StringBuilder();
        int brokenAt = -1;
        for (int i = 0; i < values.length; i++) {
            sql.append('\'');
            String v = values[i] == null ? mysqlEscape(message) : values[i];
            if (brokenAt < 0 && v.indexOf('\'') >= 0) {
                brokenAt = sql.length() + v.indexOf('\'');
            }
            sql.append(v).append('\'').append(after[i]);
        }
        String proto = fields.get(11);
        if (proto.equals("1")) {
            sql.append(", '', ''");
        } else if (proto.equals("6") || proto.equals("17")) {
            for (String port : List.of(fields.get(12), fields.get(13))) {
                sql.append(", '");
                if (brokenAt < 0 && port.indexOf('\'') >= 0) {
                    brokenAt = sql.length() + port.indexOf('\'');
                }
                sql.append(port).append('\'');
            }
        }
        sql.append(')');
        return brokenAt < 0 ? null : syntaxError(sql.substring(brokenAt + 1));
    }

    /** MariaDB's answer to sguild's data-row INSERT (the detail goes in as sent), else null. */
    String dataInsertError(String hexDetail) {
        int q = hexDetail.indexOf('\'');
        return q < 0 ? null : syntaxError(hexDetail.substring(q + 1) + "')");
    }

    /** mysqltcl's {@code ::mysql::escape}, the one escaping sguild applies (to the message only). */
    private static String mysqlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case 0 -> sb.append("\\0");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case 26 -> sb.append("\\Z");
                case '\\', '\'', '"' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String syntaxError(String rest) {
        String near = rest.length() > NEAR ? rest.substring(0, NEAR - 3) + "..." : rest;
        return SYNTAX_ERROR + near + "' at line 1";
    }

    /** {@code hex2string}: two digits at a time ({@code format %i 0xNN}), an odd last digit ignored. */
    private static String hex2string(String h) throws TclError {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < h.length(); i += 2) {
            if (!HexFormat.isHexDigit(h.charAt(i - 1)) || !HexFormat.isHexDigit(h.charAt(i))) {
                throw new TclError("expected integer but got \"0x" + h.substring(i - 1, i + 1) + "\"");
            }
            int hi = HexFormat.fromHexDigit(h.charAt(i - 1));
            int lo = HexFormat.fromHexDigit(h.charAt(i));
            sb.append((char) (hi * 16 + lo)); // one byte, one Latin-1 character
        }
        return sb.toString();
    }

    /**
     * {@code InetAtoN}: the first four dot-separated parts as numbers in an {@code expr} of doubles;
     * more parts are ignored, an octet over 255 is just a bigger number, "" stays "".
     */
    private static String inetAtoN(String ip) throws TclError {
        if (ip.isEmpty()) {
            return "";
        }
        String[] p = ip.split("\\.", -1);
        double d = 0;
        double[] weight = {16777216.0, 65536.0, 256.0, 1};
        for (int i = 0; i < 4; i++) {
            d += tclInteger(i < p.length ? p[i] : "") * weight[i];
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d + ".0" : Double.toString(d);
    }

    /**
     * The day {@code clock scan} gives {@code YYYY-MM-DD[ HH:MM[:SS]]}: it does not check the date but
     * rolls it over (November 31 is December 1), and a time out of range lands a second before the
     * day began. Other forms are a Tcl error here (Tcl also reads words such as "yesterday").
     */
    private static LocalDate clockScan(String ts) throws TclError {
        Matcher m = CLOCK_SCAN.matcher(ts);
        if (!m.matches()) {
            throw new TclError("unable to convert date-time string \"" + ts + "\"");
        }
        LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1).plusMonths(Integer.parseInt(m.group(2)) - 1)
                .plusDays(Integer.parseInt(m.group(3)) - 1);
        boolean timeInRange = m.group(4) == null || (Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60
                && (m.group(6) == null || Integer.parseInt(m.group(6)) < 60));
        return timeInRange ? day : day.minusDays(1);
    }

    /** An integer as Tcl's {@code expr} reads it: decimal, {@code 0x} hex, a leading 0 octal. */
    private static long tclInteger(String s) throws TclError {
        Matcher m = TCL_INTEGER.matcher(s);
        if (!m.matches()) {
            throw new TclError("syntax error in expression");
        }
        String digits = m.group(2);
        int radix = digits.startsWith("0x") ? 16 : digits.length() > 1 && digits.startsWith("0") ? 8 : 10;
        try {
            long v = Long.parseLong(radix == 16 ? digits.substring(2) : digits, radix);
            return "-".equals(m.group(1)) ? -v : v;
        } catch (NumberFormatException e) {
            throw new TclError("expected integer but got \"" + s + "\"");
        }
    }

    /** A quoted string into an INT UNSIGNED column without strict mode: its leading digits, clamped, else 0. */
    private static long intUnsigned(String s) {
        int n = 0;
        while (n < s.length() && n < 19 && Character.isDigit(s.charAt(n))) {
            n++;
        }
        return n == 0 ? 0 : Math.min(Long.parseLong(s.substring(0, n)), INT_UNSIGNED_MAX);
    }
}
