package net.sguil.bridge.snort;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the subset of Snort 2.9 rule syntax the bridge ships and checks it: the header (action,
 * protocol, addresses, ports, direction) and the options msg, flow, content with
 * nocase/depth/offset/distance/within, pcre (presence and form only), classtype, priority,
 * reference, sid, rev and metadata. Anything else is reported, never guessed at. Rules may span
 * lines with a trailing backslash; errors carry the line where the rule starts.
 */
public final class SnortRuleParser {
    /** The parsed rules and every problem found, in file order. */
    public record Result(List<SnortRule> rules, List<RuleProblem> problems) {
    }

    private static final Set<String> ACTIONS = Set.of("alert", "log", "pass", "drop", "reject", "sdrop");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "ip");
    private static final Set<String> FLOW_WORDS = Set.of("to_server", "to_client", "from_server", "from_client",
            "established", "not_established", "stateless", "no_stream", "only_stream");
    /** Snort 2.9's default classification.config. */
    private static final Set<String> CLASSTYPES = Set.of("not-suspicious", "unknown", "bad-unknown",
            "attempted-recon", "successful-recon-limited", "successful-recon-largescale", "attempted-dos",
            "successful-dos", "attempted-user", "unsuccessful-user", "successful-user", "attempted-admin",
            "successful-admin", "rpc-portmap-decode", "shellcode-detect", "string-detect", "suspicious-filename-detect",
            "suspicious-login", "system-call-detect", "tcp-connection", "trojan-activity", "unusual-client-port-connection",
            "network-scan", "denial-of-service", "non-standard-protocol", "protocol-command-decode",
            "web-application-activity", "web-application-attack", "misc-activity", "misc-attack", "icmp-event",
            "inappropriate-content", "policy-violation", "default-login-attempt", "sdf", "file-format",
            "malware-cnc", "client-side-exploit");
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})?(:(\\d{1,5})?)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<Long, Integer> sids = new HashMap<>();

    private SnortRuleParser(String file) {
        this.file = file;
    }

    /** Parses one rules file; sids must be unique within it. */
    public static Result parse(String file, List<String> lines) {
        SnortRuleParser p = new SnortRuleParser(file);
        List<SnortRule> rules = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (logical.length() == 0) {
                start = i + 1;
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
            }
            if (l.endsWith("\\")) {
                logical.append(l, 0, l.length() - 1);
                continue;
            }
            logical.append(l);
            SnortRule r = p.rule(start, logical.toString().strip());
            if (r != null) {
                rules.add(r);
            }
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            p.problem(start, "rule continues past the end of the file (trailing backslash)");
        }
        return new Result(rules, List.copyOf(p.problems));
    }

    private void problem(int line, String message) {
        problems.add(new RuleProblem(file, line, message));
    }

    private SnortRule rule(int line, String text) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            problem(line, "a rule is a header followed by options in parentheses: ( ... )");
            return null;
        }
        int before = problems.size();
        String[] h = text.substring(0, open).trim().split("\\s+");
        if (h.length != 7) {
            problem(line, "header needs 7 fields (action protocol src_addr src_port direction dst_addr dst_port), found "
                    + h.length);
            return null;
        }
        if (!ACTIONS.contains(h[0])) {
            problem(line, "unknown action '" + h[0] + "'");
        }
        if (!PROTOCOLS.contains(h[1])) {
            problem(line, "unknown protocol '" + h[1] + "'");
        }
        address(line, h[2]);
        ports(line, h[3]);
        if (!h[4].equals("->") && !h[4].equals("<>")) {
            problem(line, "direction must be -> or <>, not '" + h[4] + "'");
        }
        address(line, h[5]);
        ports(line, h[6]);
        RuleBuilder b = new RuleBuilder(this, line);
        for (String option : splitOptions(line, text.substring(open + 1, text.length() - 1))) {
            b.option(option);
        }
        SnortRule r = b.finish(h);
        if (r != null) {
            Integer first = sids.putIfAbsent(r.sid(), line);
            if (first != null) {
                problem(line, "sid " + r.sid() + " already used by the rule on line " + first);
            }
        }
        return problems.size() == before ? r : null;
    }

    private void address(int line, String a) {
        String s = a.startsWith("!") ? a.substring(1) : a;
        if (s.startsWith("[") && s.endsWith("]")) {
            for (String part : s.substring(1, s.length() - 1).split(",")) {
                address(line, part.trim());
            }
            return;
        }
        if (s.equals("any") || VARIABLE.matcher(s).matches() || IPV6.matcher(s).matches()) {
            return;
        }
        var m = IPV4.matcher(s);
        if (m.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(m.group(g)) > 255) {
                    problem(line, "bad IPv4 address '" + s + "'");
                    return;
                }
            }
            if (m.group(6) != null && Integer.parseInt(m.group(6)) > 32) {
                problem(line, "bad CIDR mask in '" + s + "'");
            }
            return;
        }
        problem(line, "bad address '" + a + "' (any, $VAR, a.b.c.d[/n] or a [list])");
    }

    private void ports(int line, String p) {
        String s = p.startsWith("!") ? p.substring(1) : p;
        if (s.startsWith("[") && s.endsWith("]")) {
            for (String part : s.substring(1, s.length() - 1).split(",")) {
                ports(line, part.trim());
            }
            return;
        }
        if (s.equals("any") || VARIABLE.matcher(s).matches()) {
            return;
        }
        var m = PORT.matcher(s);
        if (!m.matches() || s.isEmpty() || s.equals(":")) {
            problem(line, "bad port '" + p + "' (any, $VAR, n, n:m, :m, n: or a [list])");
            return;
        }
        for (int g : new int[] {1, 3}) {
            if (m.group(g) != null && Integer.parseInt(m.group(g)) > 65535) {
                problem(line, "port out of range in '" + p + "'");
            }
        }
    }

    /** Splits at semicolons outside double quotes (a backslash escapes the next character). */
    private List<String> splitOptions(int line, String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                cur.append(c).append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ';' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            problem(line, "unterminated quoted string in the options");
        }
        if (!cur.toString().isBlank()) {
            problem(line, "option '" + cur.toString().trim() + "' is not ended by ';'");
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    static Integer number(String v) {
        return v != null && NUMBER.matcher(v.trim()).matches() ? Integer.valueOf(v.trim()) : null;
    }

    static boolean knownClasstype(String c) {
        return CLASSTYPES.contains(c);
    }

    static boolean flowWord(String w) {
        return FLOW_WORDS.contains(w);
    }

    /** A quoted option value without its quotes and with Snort's escapes removed; null when not quoted. */
    static String unquote(String v) {
        if (v == null || v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A content pattern with |hex| sections decoded; null when a hex section is malformed. */
    static byte[] contentBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean hex = false;
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '|') {
                if (hex && !digits.isEmpty()) {
                    return null;
                }
                hex = !hex;
            } else if (hex) {
                if (c == ' ') {
                    continue;
                }
                if (Character.digit(c, 16) < 0) {
                    return null;
                }
                digits.append(c);
                if (digits.length() == 2) {
                    out.write(Integer.parseInt(digits.toString(), 16));
                    digits.setLength(0);
                }
            } else {
                out.write(c > 0xff ? '?' : c);
            }
        }
        return hex ? null : out.toByteArray();
    }

    void report(int line, String message) {
        problem(line, message);
    }
}
