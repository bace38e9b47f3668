package net.sguil.bridge.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.sguil.bridge.text.Printable;
import net.sguil.bridge.text.Printable.Kind;
import net.sguil.bridge.text.Printable.Style;

/**
 * The labelled values of an event's detail, rendered twice: as plain text ({@code label: value}
 * lines, for {@code scan --json} and the database) and as the HTML the Sguil console shows. Every
 * value is escaped by {@link Printable} and cut after {@value #MAX_VALUE_CHARS} characters of its
 * escaped form, with a mark saying how long it was. The HTML is built for what the console's HTML
 * widget (iwidgets scrolledhtml) can draw, as seen in the real console:
 * <ul>
 *   <li>a value is typewriter text ({@code <tt>}), the only mode in which the widget keeps runs of
 *       spaces, broken into lines of {@value #LINE_CHARS} characters by {@code <br>}: the widget
 *       draws a table cell as wide as its longest line and does not wrap it, so one long token
 *       runs out of the pane; 64 columns fit beside the labels in a 1600-pixel-wide console and
 *       hold a SHA-256 on one line. A break never splits an escape, and falls after a space when
 *       one is near the end of the line;</li>
 *   <li>the widget sizes a cell in characters and lines of its default font, smaller than the
 *       typewriter font: without {@code width="80"} a 64-character line wraps, and without a
 *       {@code height} a quarter larger than the line count the last lines are not drawn;</li>
 *   <li>each item of a list starts a line;</li>
 *   <li>labels are {@code <td><b>}, not {@code <th>}: the widget never ends the bold of a
 *       {@code <th>}, so every value after it would be bold;</li>
 *   <li>the only entities are the {@code &lt;} and {@code &gt;} of {@code <U+XXXX>} escapes
 *       (the widget decodes those two, and {@code &amp;}, {@code &quot;}; others not at all).</li>
 * </ul>
 */
final class DetailTable {
    static final int LINE_CHARS = 64;
    static final int MAX_VALUE_CHARS = 512;
    static final int MAX_ITEMS = 20;
    static final int WORD_BREAK_CHARS = 16;
    /** Cell size hints in the widget's default font, whose characters and lines are smaller than the typewriter font's. */
    private static final int CELL_WIDTH = 80;

    private record Item(CharSequence text, Kind kind) {
        int units() {
            return kind == Kind.BYTES ? text.length() : Character.codePointCount(text, 0, text.length());
        }
    }

    private record Row(String label, List<Item> items, boolean list) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A value: {@link WireBytes}, a collection (each element an item), or anything else as text; null is empty. */
    void add(String label, Object value) {
        if (value instanceof Collection<?> c) {
            List<Item> items = new ArrayList<>(Math.min(c.size(), MAX_ITEMS + 1));
            for (Object o : c) {
                items.add(item(o));
            }
            rows.add(new Row(label, items, true));
        } else {
            rows.add(new Row(label, List.of(item(value)), false));
        }
    }

    private static Item item(Object o) {
        if (o instanceof WireBytes w) {
            return new Item(w.latin1(), Kind.BYTES);
        }
        return new Item(o == null ? "" : o.toString(), Kind.CHARACTERS);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(Printable.chars(r.label())).append(": ");
            render(r, Style.PLAIN, out);
        }
        return out.toString();
    }

    String html() {
        StringBuilder out = new StringBuilder("<table border=\"1\" cellpadding=\"2\">\n");
        for (Row r : rows) {
            out.append("<tr><td><b>");
            markup(Printable.of(r.label(), Kind.CHARACTERS, Style.MARKUP), out);
            StringBuilder cell = new StringBuilder();
            render(r, Style.MARKUP, cell);
            out.append("</b></td><td width=\"").append(CELL_WIDTH).append('"');
            int lines = 1 + (cell.length() - cell.toString().replace("<br>", "").length()) / 4;
            if (lines > 1) {
                out.append(" height=\"").append(lines + (lines + 3) / 4).append('"');
            }
            out.append("><tt>").append(cell).append("</tt></td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /** One value: items separated by ", " (plain) or starting lines (markup); the budget spans all items. */
    private static void render(Row row, Style style, StringBuilder out) {
        boolean html = style == Style.MARKUP;
        int[] shown = {0};
        Lines lines = new Lines(out);
        List<Item> items = row.items();
        int count = Math.min(items.size(), MAX_ITEMS);
        for (int i = 0; i < count; i++) {
            Item item = items.get(i);
            if (i > 0) {
                if (html) {
                    lines.newLine();
                } else {
                    out.append(", ");
                    shown[0] += 2;
                }
            }
            int consumed = Printable.escape(item.text(), item.kind(), style, unit -> {
                if (shown[0] + unit.length() > MAX_VALUE_CHARS) {
                    return false;
                }
                shown[0] += unit.length();
                if (html) {
                    lines.add(unit);
                } else {
                    out.append(unit);
                }
                return true;
            });
            if (consumed < item.text().length()) {
                String whole = row.list() ? items.size() + " items" : item.units()
                        + (item.kind() == Kind.BYTES ? " bytes" : " characters");
                lines.end();
                mark(out, html, "[cut at " + MAX_VALUE_CHARS + " characters: " + whole + " in all]");
                return;
            }
        }
        lines.end();
        if (items.size() > count) {
            mark(out, html, "[" + count + " shown: " + items.size() + " items in all]");
        }
    }

    /**
     * Escaped units into lines of at most {@value #LINE_CHARS} characters joined by {@code <br>}:
     * a line that would overflow breaks after its last space if that lies in its last
     * {@value #WORD_BREAK_CHARS} characters (prose keeps its words), else before the unit.
     */
    private static final class Lines {
        private final StringBuilder out;
        private final List<String> line = new ArrayList<>();
        private int width;

        Lines(StringBuilder out) {
            this.out = out;
        }

        void add(CharSequence unit) {
            if (width + unit.length() > LINE_CHARS) {
                int cut = line.size();
                int tail = 0;
                for (int i = line.size() - 1; i >= 0 && tail < WORD_BREAK_CHARS; i--) {
                    if (line.get(i).equals(" ")) {
                        cut = i + 1;
                        break;
                    }
                    tail += line.get(i).length();
                }
                List<String> carried = new ArrayList<>(line.subList(cut, line.size()));
                line.subList(cut, line.size()).clear();
                newLine();
                line.addAll(carried);
                carried.forEach(u -> width += u.length());
            }
            line.add(unit.toString());
            width += unit.length();
        }

        void newLine() {
            flushLine();
            out.append("<br>");
        }

        void end() {
            flushLine();
        }

        private void flushLine() {
            line.forEach(u -> markup(u, out));
            line.clear();
            width = 0;
        }
    }

    private static void mark(StringBuilder out, boolean html, String mark) {
        out.append(html ? "<br>" : " ").append(mark);
    }

    /** Escaped text into HTML: its only {@code < >} are those of {@code <U+XXXX>}. */
    private static void markup(CharSequence escaped, StringBuilder out) {
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }
}
