package net.sguil.bridge.rules;

import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** What one rule file contains, with line numbers: its package, rules, queries and declared types. */
public record RuleFileOutline(String file, String packageName, List<Item> rules, List<Item> queries,
                              List<Item> declaredTypes) {
    /** A named element and the line it starts on. */
    public record Item(String name, int line) {
    }

    /** Outlines DRL text that is known to compile. */
    static RuleFileOutline of(String file, String drl) {
        try {
            return of(file, new DrlParser().parse(false, drl));
        } catch (DroolsParserException e) {
            throw new IllegalStateException("cannot re-parse " + file + " after it compiled", e);
        }
    }

    /** Outlines a parsed rule file that is known to compile. */
    static RuleFileOutline of(String file, PackageDescr pkg) {
        List<RuleDescr> all = pkg.getRules();
        return new RuleFileOutline(file, pkg.getName(),
                all.stream().filter(r -> !r.isQuery()).map(r -> new Item(r.getName(), r.getLine())).toList(),
                all.stream().filter(RuleDescr::isQuery).map(r -> new Item(r.getName(), r.getLine())).toList(),
                pkg.getTypeDeclarations().stream().map(RuleFileOutline::typeItem).toList());
    }

    private static Item typeItem(TypeDeclarationDescr t) {
        return new Item(t.getTypeName(), t.getLine());
    }
}
