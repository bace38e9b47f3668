package net.sguil.bridge.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.SguilEventOut;

/**
 * Prints conclusions: with {@code json}, one JSON object a line as each arrives; otherwise an
 * aligned table written at {@link #flush()} (the widths need every row), one line per event.
 */
public final class PrintingEventSink implements EventSink {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
    private static final String[] HEADER = {"timestamp", "gen:sid:rev", "pri", "src", "dst", "signature"};

    private final PrintWriter out;
    private final boolean json;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String[]> rows = new ArrayList<>();

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
            rows.add(new String[] {ISO.format(e.getTimestamp()),
                    e.getGeneratorId() + ":" + e.getSignatureId() + ":" + e.getRevision(),
                    String.valueOf(e.getPriority()), endpoint(e.getSrcIp(), e.getSrcPort()),
                    endpoint(e.getDstIp(), e.getDstPort()), oneLine(e.getSignature())});
        }
    }

    @Override
    public void flush() {
        if (!json && !rows.isEmpty()) {
            int[] width = new int[HEADER.length];
            List<String[]> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (String[] r : all) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (String[] r : all) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
                }
                out.println(line);
            }
            rows.clear();
        }
        out.flush();
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
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String endpoint(String ip, int port) {
        return ip == null ? "-" : ip + ":" + port;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
