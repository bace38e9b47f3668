package net.sguil.bridge.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints report rows as an aligned table (numbers right-aligned), CSV (RFC 4180) or JSON Lines (one
 * object per row, keys = column names). Cells are Strings or Numbers.
 */
public final class ReportOutput {
    public enum Format { TABLE, CSV, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ReportOutput() {
    }

    public static void write(PrintWriter out, Format format, List<String> columns, List<List<Object>> rows) {
        switch (format) {
            case TABLE -> table(out, columns, rows);
            case CSV -> csv(out, columns, rows);
            case JSON -> json(out, columns, rows);
        }
        out.flush();
    }

    private static void table(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
            for (List<Object> r : rows) {
                width[i] = Math.max(width[i], text(r.get(i)).length());
            }
        }
        List<Object> header = new ArrayList<>(columns);
        line(out, header, width, rows.isEmpty() ? null : rows.get(0));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (List<Object> r : rows) {
            line(out, r, width, r);
        }
    }

    private static void line(PrintWriter out, List<Object> cells, int[] width, List<Object> alignBy) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String t = text(cells.get(i));
            boolean right = alignBy != null && alignBy.get(i) instanceof Number;
            String pad = " ".repeat(width[i] - t.length());
            sb.append(i == 0 ? "" : "  ").append(right ? pad + t : (i == width.length - 1 ? t : t + pad));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static void csv(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        out.println(String.join(",", columns.stream().map(ReportOutput::csvCell).toList()));
        for (List<Object> r : rows) {
            out.println(String.join(",", r.stream().map(c -> csvCell(text(c))).toList()));
        }
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static void json(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        for (List<Object> r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i), r.get(i));
            }
            try {
                out.println(JSON.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof BigDecimal b ? b.toPlainString() : cell.toString();
    }
}
