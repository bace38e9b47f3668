package net.sguil.bridge.sguil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sguil's tables, from the one copy of their definitions: {@code sguil-integration/sql/sguil-schema.sql},
 * shipped as a resource. Creates the fixed tables, the per-sensor per-day MyISAM tables, and rebuilds
 * the MERGE tables over the day tables (DROP + CREATE, as sguild does). Not safe against a sguild
 * creating tables at the same moment.
 */
public final class SguilSchema {
    public static final List<String> DAY_TABLE_KINDS = List.of("event", "tcphdr", "udphdr", "icmphdr", "data", "sancp");
    /** The day tables sguild creates for the first alert of a sensor on a day. */
    public static final List<String> ALERT_KINDS = List.of("event", "tcphdr", "udphdr", "icmphdr", "data");

    private static final Logger LOG = LoggerFactory.getLogger(SguilSchema.class);
    private static final String RESOURCE = "sguil-schema.sql";
    private static final String MARKER = "-- @day-table ";
    private static final String EMPTY_MERGE = "ENGINE=MERGE UNION=() INSERT_METHOD=NO";

    private final List<String> statements;
    private final Map<String, String> templates;

    private SguilSchema(List<String> statements, Map<String, String> templates) {
        this.statements = List.copyOf(statements);
        this.templates = Map.copyOf(templates);
    }

    /** Loads the schema shipped with the bridge. */
    public static SguilSchema load() {
        try (InputStream in = Objects.requireNonNull(SguilSchema.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static SguilSchema parse(String script) {
        List<String> statements = new ArrayList<>();
        Map<String, String> templates = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        String pendingKind = null;
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith(MARKER)) {
                pendingKind = t.substring(MARKER.length()).strip();
                continue;
            }
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = current.toString().strip();
                sql = sql.substring(0, sql.length() - 1);
                statements.add(sql);
                if (pendingKind != null) {
                    templates.put(pendingKind, checkedTemplate(pendingKind, sql));
                    pendingKind = null;
                }
                current.setLength(0);
            }
        }
        if (!templates.keySet().containsAll(DAY_TABLE_KINDS)) {
            throw new IllegalStateException(RESOURCE + " lacks day-table templates; has " + templates.keySet());
        }
        return new SguilSchema(statements, templates);
    }

    private static String checkedTemplate(String kind, String sql) {
        if (count(sql, "`" + kind + "`") != 1 || count(sql, EMPTY_MERGE) != 1) {
            throw new IllegalStateException(RESOURCE + ": template " + kind + " must name `" + kind
                    + "` once and end in " + EMPTY_MERGE);
        }
        return sql;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Creates every fixed table, the status and version rows and empty MERGE tables, if missing. */
    public void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The CREATE TABLE statement of a day table. */
    public String dayTableDdl(DayTable t) {
        return templates.get(t.kind()).replace("`" + t.kind() + "`", t.quoted()).replace(EMPTY_MERGE, "ENGINE=MyISAM");
    }

    String mergeDdl(String kind, List<DayTable> tables) {
        String union = tables.stream().map(DayTable::quoted).collect(Collectors.joining(","));
        return templates.get(kind).replace(EMPTY_MERGE, "ENGINE=MERGE UNION=(" + union + ") INSERT_METHOD=NO");
    }

    /**
     * Makes sure the day tables of the given kinds exist for a sensor and day; when one had to be
     * created, rebuilds the MERGE table of its kind. Returns whether anything was created.
     */
    public boolean ensureDayTables(Connection c, String sensor, LocalDate day, List<String> kinds) throws SQLException {
        boolean created = false;
        for (String kind : kinds) {
            DayTable t = new DayTable(kind, sensor, day);
            if (dayTables(c, kind).contains(t)) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.execute(dayTableDdl(t));
            }
            LOG.info("created day table {}", t.name());
            rebuildMerge(c, kind);
            created = true;
        }
        return created;
    }

    /** Drops and recreates the MERGE table {@code kind} over every day table of that kind, as sguild does. */
    public void rebuildMerge(Connection c, String kind) throws SQLException {
        List<DayTable> tables = dayTables(c, kind);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS `" + kind + "`");
            st.execute(mergeDdl(kind, tables));
        }
        LOG.debug("rebuilt MERGE table {} over {} day tables", kind, tables.size());
    }

    /** The day tables of one kind in the current database, by name. */
    public List<DayTable> dayTables(Connection c, String kind) throws SQLException {
        if (!DAY_TABLE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a Sguil day table kind: " + kind);
        }
        List<DayTable> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name LIKE ? AND engine = 'MyISAM'")) {
            ps.setString(1, kind + "\\_%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DayTable.parse(rs.getString(1)).filter(t -> t.kind().equals(kind)).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(DayTable::name));
        return out;
    }
}
