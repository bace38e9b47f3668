package net.sguil.bridge.delivery;

import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_ADDRESS_NOT_IPV4;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_CLASS_MISSING;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_CLASS_REWRITTEN;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_DETAIL_TRUNCATED;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_GENERATOR_REWRITTEN;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_MESSAGE_NOT_ASCII;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_MESSAGE_TRUNCATED;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_NUMBER_OUT_OF_RANGE;
import static net.sguil.bridge.delivery.DeliveryWeird.DELIVERY_PRIORITY_CLAMPED;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.Ipv4;
import net.sguil.bridge.sguil.StorableEvent;
import net.sguil.bridge.text.Printable;
import net.sguil.bridge.text.Printable.Kind;
import net.sguil.bridge.text.Printable.Style;

/**
 * The one policy for what goes into Sguil, through sguild or straight into its database (SGUIL.md
 * section 3, step 4 of "Delivering every event exactly once"): a conclusion becomes a {@link
 * StorableEvent}, and whatever Sguil would store wrongly, or refuse without a word, is repaired
 * visibly: a note at the head of the detail says what was changed and the repair is counted as a
 * {@link DeliveryWeird}. Only what cannot be repaired, a timestamp outside the days Sguil can
 * make tables for, is refused; the delivery drops it with a log line and a count.
 *
 * <p>The detail starts with the conclusion's mark ({@link ConclusionId}), visibly: rule and
 * evidence key, then the notes, then the rules' own detail, cut at a character and tag boundary
 * with {@link #TRUNCATION_MARK} when it does not fit sguild's {@value StorableEvent#MAX_DETAIL_HEX}
 * hex digits. Text in the notes is shown in printable ASCII, anything else as {@code \xNN} bytes,
 * so it needs no HTML escaping and the console draws it.
 */
public final class EventValidator {
    public static final String TRUNCATION_MARK = "\n[detail truncated by sguil-bridge]\n";
    static final String DEFAULT_CLASS = "unknown";
    private static final int MAX_DETAIL_BYTES = StorableEvent.MAX_DETAIL_HEX / 2;
    private static final int MAX_NOTE_VALUE = 120;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    /** What {@link #check} found. */
    public sealed interface Result permits Storable, Unstorable {
    }

    /** The event as it will be stored, and the names of the repairs it needed (empty: none). */
    public record Storable(StorableEvent event, List<DeliveryWeird> repairs) implements Result {
    }

    /** Why the event cannot be stored at all. */
    public record Unstorable(String reason) implements Result {
    }

    private EventValidator() {
    }

    public static Result check(SguilEventOut ev) {
        Instant ts = ev.getTimestamp().truncatedTo(ChronoUnit.SECONDS);
        if (ts.isBefore(StorableEvent.EARLIEST) || ts.isAfter(StorableEvent.LATEST)) {
            return new Unstorable("timestamp " + ts + " is outside what Sguil stores (1970 to 9999)");
        }
        Notes notes = new Notes(ev.getHtmlDetail() != null);
        String signature = message(ev.getSignature(), notes);
        int priority = priority(ev.getPriority(), notes);
        String sigClass = sigClass(ev.getSigClass(), notes);
        long generator = ev.getGeneratorId();
        if (generator != SguilEventOut.BRIDGE_GENERATOR_ID) {
            notes.add(DELIVERY_GENERATOR_REWRITTEN, "Generator " + generator + " stored as "
                    + SguilEventOut.BRIDGE_GENERATOR_ID + " (the console shows details only for it)");
            generator = SguilEventOut.BRIDGE_GENERATOR_ID;
        }
        long signatureId = number("Signature id", ev.getSignatureId(), MAX_UNSIGNED_INT, notes);
        long revision = number("Revision", ev.getRevision(), MAX_UNSIGNED_INT, notes);
        int proto = (int) number("IP protocol", ev.getIpProto(), 255, notes);
        int srcPort = (int) number("Source port", ev.getSrcPort(), 65535, notes);
        int dstPort = (int) number("Destination port", ev.getDstPort(), 65535, notes);
        long refId = number("Refers to cid", ev.getRefId(), MAX_UNSIGNED_INT, notes);
        long src = Ipv4.valueOf(ev.getSrcIp());
        long dst = Ipv4.valueOf(ev.getDstIp());
        if ((src < 0 && present(ev.getSrcIp())) || (dst < 0 && present(ev.getDstIp()))) {
            notes.add(DELIVERY_ADDRESS_NOT_IPV4, "Addresses (not IPv4, sent as 0.0.0.0): source "
                    + endpoint(ev.getSrcIp(), ev.getSrcPort()) + ", destination "
                    + endpoint(ev.getDstIp(), ev.getDstPort()));
        }
        String detail = detail(ev, notes);
        return new Storable(new StorableEvent(signature, priority, sigClass, generator, signatureId, revision, ts,
                Math.max(0, src), srcPort, Math.max(0, dst), dstPort, proto, refId,
                HexFormat.of().formatHex(detail.getBytes(StandardCharsets.UTF_8))), List.copyOf(notes.names));
    }

    /** The notes a repair leaves at the head of the detail, and the counted names. */
    private static final class Notes {
        final boolean html;
        final List<DeliveryWeird> names = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Notes(boolean html) {
            this.html = html;
        }

        void line(String s) {
            text.append(html ? "<p>" : "").append(s).append(html ? "</p>\n" : "\n");
        }

        void add(DeliveryWeird name, String note) {
            names.add(name);
            line(note);
        }
    }

    /** Printable ASCII only: sguild stores the bytes into a latin1 column, anything else is mangled. */
    private static String message(String signature, Notes notes) {
        StringBuilder out = new StringBuilder(Math.min(signature.length(), StorableEvent.MAX_SIGNATURE));
        boolean replaced = false;
        int count = 0;
        for (int i = 0; i < signature.length(); count++) {
            int cp = signature.codePointAt(i);
            i += Character.charCount(cp);
            if (out.length() >= StorableEvent.MAX_SIGNATURE) {
                continue;
            }
            boolean ascii = cp >= 0x20 && cp < 0x7f;
            out.append(ascii ? (char) cp : '?');
            replaced |= !ascii;
        }
        if (replaced) {
            notes.add(DELIVERY_MESSAGE_NOT_ASCII, "Message had characters Sguil cannot store, shown as '?': "
                    + visible(signature));
        }
        if (count > StorableEvent.MAX_SIGNATURE) {
            notes.add(DELIVERY_MESSAGE_TRUNCATED, "Message cut at " + StorableEvent.MAX_SIGNATURE + " of its " + count
                    + " characters");
        }
        return out.toString();
    }

    private static int priority(int p, Notes notes) {
        if (p >= 1 && p <= 5) {
            return p;
        }
        int stored = p < 1 ? 1 : 5;
        notes.add(DELIVERY_PRIORITY_CLAMPED, "Priority " + p + " stored as " + stored + " (Sguil knows 1 to 5)");
        return stored;
    }

    private static String sigClass(String c, Notes notes) {
        if (c == null || c.isEmpty()) {
            notes.add(DELIVERY_CLASS_MISSING, "No class given; stored as '" + DEFAULT_CLASS + "'");
            return DEFAULT_CLASS;
        }
        String lower = c.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(StorableEvent.MAX_CLASS);
        for (int i = 0; i < lower.length() && out.length() < StorableEvent.MAX_CLASS; i++) {
            char ch = lower.charAt(i);
            out.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ? ch : '-');
        }
        // Sguil itself keeps 20 characters (web-application-attack is web-application-atta for Snort's
        // alerts too): only characters it cannot take are a repair.
        if (!out.toString().equals(c.substring(0, Math.min(c.length(), StorableEvent.MAX_CLASS)))) {
            notes.add(DELIVERY_CLASS_REWRITTEN, "Class '" + visible(c) + "' stored as '" + out
                    + "' (Sguil takes 20 characters of [a-z0-9-])");
        }
        return out.toString();
    }

    private static long number(String what, long v, long max, Notes notes) {
        if (v >= 0 && v <= max) {
            return v;
        }
        notes.add(DELIVERY_NUMBER_OUT_OF_RANGE, what + " " + v + " stored as 0 (Sguil takes 0 to " + max + ")");
        return 0;
    }

    private static boolean present(String ip) {
        return ip != null && !ip.isBlank();
    }

    private static String endpoint(String ip, int port) {
        return present(ip) ? "[" + visible(ip) + "]:" + port : "(none)";
    }

    private static String detail(SguilEventOut ev, Notes notes) {
        String id = ConclusionId.of(ev);
        StringBuilder head = new StringBuilder();
        if (id != null) {
            Notes mark = new Notes(notes.html);
            mark.line(ConclusionId.MARK + id + ": rule " + visible(ev.getRule()) + ", evidence "
                    + visible(ev.getEvidenceKey()));
            head.append(mark.text);
        }
        head.append(notes.text);
        String body = notes.html ? ev.getHtmlDetail() : ev.getDetail() == null ? "" : ev.getDetail();
        int budget = MAX_DETAIL_BYTES - utf8Length(head);
        if (utf8Length(body) <= budget) {
            return head.append(body).toString();
        }
        notes.names.add(DELIVERY_DETAIL_TRUNCATED);
        return head.append(cut(body, budget - TRUNCATION_MARK.length())).append(TRUNCATION_MARK).toString();
    }

    /** The longest prefix within {@code budget} UTF-8 bytes, never ending inside a tag (which would swallow the mark). */
    private static String cut(String body, int budget) {
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
        return openTag > kept.lastIndexOf('>') ? kept.substring(0, openTag) : kept;
    }

    private static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            n += utf8Bytes(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int utf8Bytes(int cp) {
        if (cp <= 0xffff && Character.isSurrogate((char) cp)) {
            return 1; // a lone surrogate is encoded as '?' by the JDK
        }
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /**
     * {@code s} as {@link Printable} shows wire bytes in markup (its UTF-8, every byte beyond printable
     * ASCII and HTML's special characters as {@code \xNN}), cut visibly at {@value #MAX_NOTE_VALUE} characters.
     */
    static String visible(String s) {
        if (s == null) {
            return "(none)";
        }
        String bytes = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(MAX_NOTE_VALUE + 24);
        int done = Printable.appendUpTo(out, bytes, Kind.BYTES, Style.MARKUP, MAX_NOTE_VALUE);
        if (done < bytes.length()) {
            out.append("... (").append(bytes.length() - done).append(" more bytes)");
        }
        return out.toString();
    }
}
