package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sguil.bridge.weird.Weirds;

/**
 * RFC 2047 encoded words decoded as leniently as Python's {@code email.header.decode_header} and
 * Jakarta Mail with {@code mail.mime.decodetext.strict=false} — real senders do not follow the RFC:
 * a word is found anywhere, glued to text or to the next word ({@code C=?ISO-8859-1?B?YW4=?=}),
 * {@code b}/{@code q} in either case; whitespace between two words is dropped; consecutive words in
 * one charset are joined before decoding, so a character split across words survives; an unknown
 * charset is read as ISO-8859-1 ({@code mime.unknown_charset}); damaged encoded text is decoded as far
 * as it goes ({@code mime.bad_encoded_word}). Unlike Python's {@code make_header}, no space is
 * inserted where the sender glued a word to text.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?]*?)\\?([bBqQ])\\?(.*?)\\?=");
    private static final Pattern BASE64_ALPHABET = Pattern.compile("[^A-Za-z0-9+/]");

    private final Weirds weirds;
    private final StringBuilder out = new StringBuilder();
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();
    private Charset runCharset;

    private EncodedWords(Weirds weirds) {
        this.weirds = weirds;
    }

    /** {@code s} with its encoded words decoded; null stays null. */
    static String decode(String s, Weirds weirds) {
        if (s == null || !s.contains("=?")) {
            return s;
        }
        return new EncodedWords(weirds).decodeAll(s);
    }

    private String decodeAll(String s) {
        Matcher m = WORD.matcher(s);
        int pos = 0;
        boolean afterWord = false;
        while (m.find()) {
            String between = s.substring(pos, m.start());
            if (!(afterWord && between.isBlank())) {
                flush();
                out.append(between);
            }
            Charset cs = charset(m.group(1));
            if (runCharset != null && !runCharset.equals(cs)) {
                flush();
            }
            runCharset = cs;
            byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : q(m.group(3));
            run.write(bytes, 0, bytes.length);
            pos = m.end();
            afterWord = true;
        }
        flush();
        return out.append(s, pos, s.length()).toString();
    }

    private void flush() {
        if (runCharset != null) {
            try {
                out.append(runCharset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(run.toByteArray())));
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("a replacing decoder does not throw", e);
            }
            run.reset();
            runCharset = null;
        }
    }

    /** The charset named before the first {@code ?}, an RFC 2231 language ({@code *en}) ignored. */
    private Charset charset(String name) {
        int star = name.indexOf('*');
        String n = (star < 0 ? name : name.substring(0, star)).trim();
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            weirds.count(MimeWeird.MIME_UNKNOWN_CHARSET);
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Base64 as far as it goes: characters outside the alphabet skipped, missing padding supplied. */
    private byte[] base64(String text) {
        int pad = text.indexOf('=');
        String body = pad < 0 ? text : text.substring(0, pad);
        String clean = BASE64_ALPHABET.matcher(body).replaceAll("");
        boolean damaged = clean.length() != body.length() || clean.length() % 4 == 1
                || pad >= 0 && !text.substring(pad).matches("=*");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        if (damaged) {
            weirds.count(MimeWeird.MIME_BAD_ENCODED_WORD);
        }
        return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
    }

    /** RFC 2047 Q: {@code _} is a space, {@code =XX} a byte; a broken escape is kept as sent. */
    private byte[] q(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hi = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
            int lo = hi >= 0 ? hex(text.charAt(i + 2)) : -1;
            if (c == '_') {
                b.write(' ');
            } else if (c == '=' && lo >= 0) {
                b.write(hi << 4 | lo);
                i += 2;
            } else {
                if (c == '=') {
                    weirds.count(MimeWeird.MIME_BAD_ENCODED_WORD);
                }
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                b.write(raw, 0, raw.length);
            }
        }
        return b.toByteArray();
    }

    /** The value of an ASCII hex digit, either case; -1 for anything else. */
    static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
