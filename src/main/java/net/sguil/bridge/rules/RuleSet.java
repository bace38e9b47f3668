package net.sguil.bridge.rules;

import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;

/** A compiled knowledge base, the rule files it was built from and their outlines. Immutable; shared by sessions. */
public final class RuleSet {
    /** Where the knowledge base came from. */
    public enum Origin { COMPILED, CACHE }

    private final KieBase kieBase;
    private final List<Path> files;
    private final List<RuleFileOutline> outlines;
    private final Origin origin;

    RuleSet(KieBase kieBase, List<Path> files, List<RuleFileOutline> outlines, Origin origin) {
        this.kieBase = kieBase;
        this.files = List.copyOf(files);
        this.outlines = List.copyOf(outlines);
        this.origin = origin;
    }

    /** Compiled by this build, or loaded from a {@link RuleCache} without compiling. */
    public Origin origin() {
        return origin;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** The DRL files compiled into this knowledge base, in load order (the built-in declarations not included). */
    public List<Path> files() {
        return files;
    }

    /** One outline per compiled file, the built-in declarations last. */
    public List<RuleFileOutline> outlines() {
        return outlines;
    }

    /** Names of all rules, in file order. */
    public List<String> ruleNames() {
        return outlines.stream().flatMap(o -> o.rules().stream()).map(RuleFileOutline.Item::name).toList();
    }
}
