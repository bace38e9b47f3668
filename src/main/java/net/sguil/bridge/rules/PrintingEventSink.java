package net.sguil.bridge.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.text.Printable;

/**
 * Prints conclusions: with {@code json}, one JSON object a line as each arrives; otherwise a table
 * written at {@link #flush()} in time order (a summary concluded when its window closed takes its
 * place among the events it sums up), two lines per event, at most {@value #WIDTH} columns: time,
 * priority, signature id, source and destination aligned in columns, then, indented, what happened:
 * the rule's summary (e.g. {@code refused 405, PUT /index.html}) or, without one, the message
 * text; cut with "..." at the width.
 */
public final class PrintingEventSink implements EventSink {
    static final int WIDTH = 100;
    private static final String INDENT = "    ";
    private static final String GAP = "  ";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"time (UTC)", "pri", "sid", "source", "destination"};

    private final PrintWriter out;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<SguilEventOut> events = new ArrayList<>();

    public PrintingEventSink(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(SguilEventOut e) {
        if (json) {
            out.println(toJson(e));
            out.flush();
        } else {
            events.add(e);
        }
    }

    @Override
    public void flush() {
        if (!json && !events.isEmpty()) {
            events.sort(Comparator.comparing(SguilEventOut::getTimestamp));
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (SguilEventOut e : events) {
                rows.add(new String[] {TIME.format(e.getTimestamp()), String.valueOf(e.getPriority()),
                        String.valueOf(e.getSignatureId()), endpoint(e.getSrcIp(), e.getSrcPort()),
                        endpoint(e.getDstIp(), e.getDstPort())});
            }
            int[] width = new int[HEADER.length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                printColumns(rows.get(i), width);
                if (i > 0) {
                    SguilEventOut e = events.get(i - 1);
                    String what = e.getSummary() == null || e.getSummary().isEmpty()
                            ? Printable.chars(e.getSignature()) : e.getSummary();
                    out.println(fit(INDENT + what));
                }
            }
            events.clear();
        }
        out.flush();
    }

    /**
     * The columns aligned; the destination, last, is not padded, and goes to a line of its own
     * (under the source, after "-> ") when long addresses would make the line wider than allowed.
     */
    private void printColumns(String[] r, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length - 1; i++) {
            line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", r[i])).append(GAP);
        }
        String last = r[r.length - 1];
        if (line.length() + last.length() <= WIDTH) {
            out.println(line.append(last).toString().stripTrailing());
        } else {
            int sourceColumn = line.length() - width[r.length - 2] - GAP.length();
            out.println(line.toString().stripTrailing());
            out.println(fit(" ".repeat(sourceColumn) + "-> " + last));
        }
    }

    private static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }

    /** The JSON form of one event (one line). */
    public String toJson(SguilEventOut e) {
        ObjectNode o = mapper.createObjectNode();
        o.put("signature", e.getSignature());
        o.put("generator_id", e.getGeneratorId());
        o.put("signature_id", e.getSignatureId());
        o.put("revision", e.getRevision());
        o.put("priority", e.getPriority());
        o.put("class", e.getSigClass());
        o.put("timestamp", ISO.format(e.getTimestamp()));
        o.put("src_ip", e.getSrcIp());
        o.put("src_port", e.getSrcPort());
        o.put("dst_ip", e.getDstIp());
        o.put("dst_port", e.getDstPort());
        o.put("ip_proto", e.getIpProto());
        o.put("rule", e.getRule());
        o.put("evidence_key", e.getEvidenceKey());
        o.put("detail", e.getDetail());
        o.put("html_detail", e.getHtmlDetail());
        o.put("summary", e.getSummary());
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String endpoint(String ip, int port) {
        if (ip == null) {
            return "-";
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }
}
