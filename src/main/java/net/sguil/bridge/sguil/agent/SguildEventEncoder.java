package net.sguil.bridge.sguil.agent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.weird.Weirds;

/**
 * Turns a {@link SguilEventOut} into sguild's {@code GenericEvent} line, repairing what sguild would
 * store wrongly and refusing only what it would drop without a reply (SGUIL.md section 3,
 * "GenericEvent fields" and step 4 of "Delivering every event exactly once"). Every repair is
 * counted in the {@link Weirds} under {@code agent.*}, so an operator sees rules that produce
 * out-of-range values.
 */
public final class SguildEventEncoder {
    public static final int MAX_MESSAGE_CHARS = 255;
    public static final int MAX_DETAIL_HEX = 65535;
    public static final String TRUNCATION_MARK = "\n[detail truncated by sguil-bridge]\n";
    static final String DEFAULT_CLASS = "unknown";
    private static final int MAX_CLASS_CHARS = 20;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toInstant(ZoneOffset.UTC);

    private final Weirds weirds;

    public SguildEventEncoder(Weirds weirds) {
        this.weirds = weirds;
    }

    /** The whole line, {@code GenericEvent} and its 18 fields, without the line end. */
    public String encode(SguilEventOut ev, AgentInfo agent, long cid) throws InvalidEventException {
        List<String> line = new ArrayList<>(19);
        line.add("GenericEvent");
        line.addAll(fields(ev, agent, cid));
        return TclList.encode(line);
    }

    /** The 18 fields in wire order. */
    public List<String> fields(SguilEventOut ev, AgentInfo agent, long cid) throws InvalidEventException {
        if (ev.getTimestamp().isBefore(EARLIEST) || ev.getTimestamp().isAfter(LATEST)) {
            throw new InvalidEventException("timestamp " + ev.getTimestamp() + " outside what sguild accepts");
        }
        String src = ipv4(ev.getSrcIp());
        String dst = ipv4(ev.getDstIp());
        boolean tcpOrUdp = ev.getIpProto() == 6 || ev.getIpProto() == 17;
        List<String> f = new ArrayList<>(18);
        f.add("0");
        f.add(Integer.toString(priority(ev.getPriority())));
        f.add(sigClass(ev.getSigClass()));
        f.add(agent.sensorName());
        f.add(TIMESTAMP.format(ev.getTimestamp()));
        f.add(Long.toString(agent.sid()));
        f.add(Long.toString(cid));
        f.add("0");
        f.add(HexFormat.of().formatHex(message(ev.getSignature()).getBytes(StandardCharsets.US_ASCII)));
        f.add(src == null ? "0.0.0.0" : src);
        f.add(dst == null ? "0.0.0.0" : dst);
        f.add(Integer.toString(unsigned(ev.getIpProto(), 255)));
        f.add(tcpOrUdp ? Integer.toString(port(ev.getSrcPort())) : "");
        f.add(tcpOrUdp ? Integer.toString(port(ev.getDstPort())) : "");
        f.add(Integer.toString(SguilEventOut.BRIDGE_GENERATOR_ID));
        f.add(Long.toString(unsigned(ev.getSignatureId(), MAX_UNSIGNED_INT)));
        f.add(Long.toString(unsigned(ev.getRevision(), MAX_UNSIGNED_INT)));
        f.add(HexFormat.of().formatHex(detail(ev, src, dst).getBytes(StandardCharsets.UTF_8)));
        return f;
    }

    private int priority(int p) {
        if (p >= 1 && p <= 5) {
            return p;
        }
        weirds.count(AgentWeird.AGENT_PRIORITY_CLAMPED);
        return p < 1 ? 1 : 5;
    }

    private String sigClass(String c) {
        if (c == null || c.isEmpty()) {
            weirds.count(AgentWeird.AGENT_CLASS_MISSING);
            return DEFAULT_CLASS;
        }
        String lower = c.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(MAX_CLASS_CHARS);
        for (int i = 0; i < lower.length() && out.length() < MAX_CLASS_CHARS; i++) {
            char ch = lower.charAt(i);
            out.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ? ch : '-');
        }
        if (!out.toString().equals(c)) {
            weirds.count(AgentWeird.AGENT_CLASS_REWRITTEN);
        }
        return out.toString();
    }

    /** Printable ASCII only: sguild stores the bytes into a latin1 column, anything else is mangled. */
    private String message(String signature) {
        StringBuilder out = new StringBuilder(Math.min(signature.length(), MAX_MESSAGE_CHARS));
        boolean replaced = false;
        for (int i = 0; i < signature.length() && out.length() < MAX_MESSAGE_CHARS; ) {
            int cp = signature.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp < 0x7f) {
                out.append((char) cp);
            } else {
                out.append('?');
                replaced = true;
            }
        }
        if (replaced) {
            weirds.count(AgentWeird.AGENT_MESSAGE_NOT_ASCII);
        }
        if (signature.codePointCount(0, signature.length()) > MAX_MESSAGE_CHARS) {
            weirds.count(AgentWeird.AGENT_MESSAGE_TRUNCATED);
        }
        return out.toString();
    }

    private int port(int p) {
        return unsigned(p, 65535);
    }

    private int unsigned(int v, int max) {
        return (int) unsigned((long) v, max);
    }

    private long unsigned(long v, long max) {
        if (v >= 0 && v <= max) {
            return v;
        }
        weirds.count(AgentWeird.AGENT_NUMBER_OUT_OF_RANGE);
        return 0;
    }

    private String detail(SguilEventOut ev, String src, String dst) {
        boolean html = ev.getHtmlDetail() != null;
        String body = html ? ev.getHtmlDetail() : ev.getDetail() == null ? "" : ev.getDetail();
        boolean realAddressLost = (src == null && present(ev.getSrcIp())) || (dst == null && present(ev.getDstIp()));
        if (realAddressLost) {
            weirds.count(AgentWeird.AGENT_ADDRESS_NOT_IPV4);
            String note = "Addresses (not IPv4, sent as 0.0.0.0): source " + endpoint(ev.getSrcIp(), ev.getSrcPort())
                    + ", destination " + endpoint(ev.getDstIp(), ev.getDstPort());
            body = (html ? "<p>" + EventDetailHtml.escape(note) + "</p>\n" : note + "\n") + body;
        }
        return truncate(body);
    }

    private static boolean present(String ip) {
        return ip != null && !ip.isBlank();
    }

    private static String endpoint(String ip, int port) {
        return present(ip) ? "[" + ip + "]:" + port : "(none)";
    }

    /** Cuts the detail so its hex fits sguild's limit, at a character boundary, and says so at the end. */
    private String truncate(String body) {
        int maxBytes = MAX_DETAIL_HEX / 2;
        if (utf8Length(body, body.length()) <= maxBytes) {
            return body;
        }
        weirds.count(AgentWeird.AGENT_DETAIL_TRUNCATED);
        int budget = maxBytes - TRUNCATION_MARK.length();
        int end = 0;
        int bytes = 0;
        while (end < body.length()) {
            int cp = body.codePointAt(end);
            int n = utf8Bytes(cp);
            if (bytes + n > budget) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        String kept = body.substring(0, end);
        int openTag = kept.lastIndexOf('<');
        if (openTag > kept.lastIndexOf('>')) {
            kept = kept.substring(0, openTag); // never leave half a tag that would swallow the mark
        }
        return kept + TRUNCATION_MARK;
    }

    private static int utf8Length(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; ) {
            int cp = s.codePointAt(i);
            n += utf8Bytes(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int utf8Bytes(int cp) {
        if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            return 1; // a lone surrogate is encoded as '?' by the JDK
        }
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** The canonical dotted quad, or null when the text is not an IPv4 address. */
    static String ipv4(String ip) {
        if (ip == null) {
            return null;
        }
        String[] parts = ip.trim().split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        StringBuilder out = new StringBuilder(15);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(v);
        }
        return out.toString();
    }
}
