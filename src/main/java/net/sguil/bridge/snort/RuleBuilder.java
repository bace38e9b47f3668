package net.sguil.bridge.snort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the options of one rule, in order, and assembles the {@link SnortRule}. */
final class RuleBuilder {
    /** The first local sid: lower ones belong to distributed rule sets. */
    static final long FIRST_LOCAL_SID = 1_000_000;

    private static final Pattern PCRE = Pattern.compile("!?\"(/.*/|m(.).*\\2)[ismxAEGRUBPHMCOIDKYSs]*\"");
    private static final Set<String> ONCE = Set.of("msg", "flow", "classtype", "priority", "sid", "rev");

    /** A content being built: its modifiers arrive as the options after it. */
    private static final class ContentState {
        byte[] pattern;
        boolean negated;
        boolean nocase;
        Integer depth;
        Integer offset;
        Integer distance;
        Integer within;

        SnortRule.Content done() {
            return new SnortRule.Content(pattern, negated, nocase, depth, offset, distance, within);
        }
    }

    private final SnortRuleParser parser;
    private final int line;
    private final Set<String> seen = new HashSet<>();
    private final List<String> flow = new ArrayList<>();
    private final List<SnortRule.Content> contents = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> metadata = new ArrayList<>();
    private ContentState content;
    private String msg;
    private boolean pcre;
    private String classtype;
    private Integer priority;
    private Long sid;
    private Long rev;

    RuleBuilder(SnortRuleParser parser, int line) {
        this.parser = parser;
        this.line = line;
    }

    private void problem(String message) {
        parser.report(line, message);
    }

    void option(String option) {
        int colon = option.indexOf(':');
        String name = (colon < 0 ? option : option.substring(0, colon)).trim();
        String value = colon < 0 ? null : option.substring(colon + 1).trim();
        if (ONCE.contains(name) && !seen.add(name)) {
            problem("option '" + name + "' given twice");
            return;
        }
        switch (name) {
            case "msg" -> {
                msg = SnortRuleParser.unquote(value);
                if (msg == null || msg.isEmpty()) {
                    problem("msg needs a non-empty quoted text: msg:\"...\"");
                }
            }
            case "flow" -> flow(value);
            case "content" -> content(value);
            case "nocase" -> {
                if (value != null) {
                    problem("nocase takes no value");
                } else if (content == null) {
                    problem("nocase without a content before it");
                } else if (content.nocase) {
                    problem("nocase given twice for one content");
                } else {
                    content.nocase = true;
                }
            }
            case "depth", "offset", "distance", "within" -> modifier(name, value);
            case "pcre" -> {
                if (value == null || !PCRE.matcher(value).matches()) {
                    problem("pcre needs a quoted /regex/flags: pcre:\"/.../i\"");
                }
                pcre = true;
            }
            case "classtype" -> {
                classtype = value;
                if (value == null || !SnortRuleParser.knownClasstype(value)) {
                    problem("unknown classtype '" + value + "' (not in Snort's default classification.config)");
                }
            }
            case "priority" -> {
                priority = SnortRuleParser.number(value);
                if (priority == null || priority < 1) {
                    problem("priority must be a whole number from 1");
                }
            }
            case "reference" -> {
                String[] p = value == null ? new String[0] : value.split(",", 2);
                if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
                    problem("reference needs system,id: reference:url,example.com/x");
                } else {
                    references.add(value);
                }
            }
            case "sid" -> {
                Integer n = SnortRuleParser.number(value);
                if (n == null || n < 1) {
                    problem("sid must be a positive whole number");
                } else if (n < FIRST_LOCAL_SID) {
                    problem("sid " + n + " is below " + FIRST_LOCAL_SID + ", the range reserved for distributed rules");
                } else {
                    sid = n.longValue();
                }
            }
            case "rev" -> {
                Integer n = SnortRuleParser.number(value);
                if (n == null || n < 1) {
                    problem("rev must be a positive whole number");
                } else {
                    rev = n.longValue();
                }
            }
            case "metadata" -> {
                if (value == null || value.isBlank()) {
                    problem("metadata needs key value pairs");
                    return;
                }
                for (String kv : value.split(",")) {
                    if (kv.trim().split("\\s+").length < 2) {
                        problem("metadata entry '" + kv.trim() + "' needs a key and a value");
                    } else {
                        metadata.add(kv.trim());
                    }
                }
            }
            default -> problem("unsupported option '" + name + "'");
        }
    }

    private void flow(String value) {
        if (value == null || value.isBlank()) {
            problem("flow needs at least one of " + "to_server, to_client, established, …");
            return;
        }
        int directions = 0;
        int states = 0;
        for (String w : value.split(",")) {
            String word = w.trim();
            if (!SnortRuleParser.flowWord(word)) {
                problem("unknown flow keyword '" + word + "'");
                continue;
            }
            flow.add(word);
            if (word.startsWith("to_") || word.startsWith("from_")) {
                directions++;
            } else if (word.endsWith("established") || word.equals("stateless")) {
                states++;
            }
        }
        if (directions > 1) {
            problem("flow gives more than one direction");
        }
        if (states > 1) {
            problem("flow gives more than one of established, not_established, stateless");
        }
    }

    private void content(String value) {
        closeContent();
        boolean negated = value != null && value.startsWith("!");
        String text = SnortRuleParser.unquote(negated ? value.substring(1).trim() : value);
        if (text == null) {
            problem("content needs a quoted pattern: content:\"...\"");
            return;
        }
        byte[] bytes = SnortRuleParser.contentBytes(text);
        if (bytes == null) {
            problem("content has a malformed |hex| section");
            return;
        }
        if (bytes.length == 0) {
            problem("content pattern is empty");
            return;
        }
        content = new ContentState();
        content.pattern = bytes;
        content.negated = negated;
    }

    private void modifier(String name, String value) {
        if (content == null) {
            problem(name + " without a content before it");
            return;
        }
        Integer n = SnortRuleParser.number(value);
        if (n == null) {
            problem(name + " needs a whole number");
            return;
        }
        boolean absolute = name.equals("depth") || name.equals("offset");
        if (absolute ? content.distance != null || content.within != null : content.depth != null || content.offset != null) {
            problem(name + " cannot be mixed with " + (absolute ? "distance/within" : "depth/offset") + " on one content");
            return;
        }
        int len = content.pattern.length;
        switch (name) {
            case "depth" -> {
                if (content.depth != null) {
                    problem("depth given twice for one content");
                } else if (n < len) {
                    problem("depth " + n + " is shorter than the content (" + len + " bytes): it can never match");
                }
                content.depth = n;
            }
            case "offset" -> {
                if (content.offset != null) {
                    problem("offset given twice for one content");
                } else if (n < 0) {
                    problem("offset cannot be negative");
                }
                content.offset = n;
            }
            case "distance" -> {
                if (content.distance != null) {
                    problem("distance given twice for one content");
                }
                content.distance = n;
            }
            default -> {
                if (content.within != null) {
                    problem("within given twice for one content");
                } else if (n < len) {
                    problem("within " + n + " is shorter than the content (" + len + " bytes): it can never match");
                }
                content.within = n;
            }
        }
    }

    private void closeContent() {
        if (content != null) {
            contents.add(content.done());
            content = null;
        }
    }

    SnortRule finish(String[] header) {
        closeContent();
        if (msg == null && !seen.contains("msg")) {
            problem("missing msg");
        }
        if (sid == null && !seen.contains("sid")) {
            problem("missing sid");
        }
        if (rev == null && !seen.contains("rev")) {
            problem("missing rev");
        }
        if (sid == null || rev == null || msg == null) {
            return null;
        }
        return new SnortRule(line, header[0], header[1], header[2], header[3], header[4], header[5], header[6], msg,
                List.copyOf(flow), List.copyOf(contents), pcre, classtype, priority, List.copyOf(references), sid, rev,
                List.copyOf(metadata));
    }
}
