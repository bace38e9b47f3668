package net.sguil.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import net.sguil.bridge.rules.RuleBuildException;
import net.sguil.bridge.rules.RuleFileError;
import net.sguil.bridge.rules.RuleFileOutline;
import net.sguil.bridge.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge rules …}: work with the DRL rule files. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the DRL rule files.",
        subcommands = RulesCommand.Check.class)
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }

    /** {@code rules check [DIR…]}: compile and list what is there. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compile every *.drl under the directories (default: drl) into one knowledge base "
                    + "and list its packages, rules and declared types.",
                    "Exit 0 when it compiles, 1 on compile errors (file:line: message on stderr), 2 when a directory is missing."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..*", description = "rule directories or files (default: drl)")
        List<Path> dirs = List.of();

        @Option(names = "--json", description = "one JSON object instead of the listing")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Path> roots = dirs.isEmpty() ? List.of(Path.of("drl")) : dirs;
            for (Path d : roots) {
                if (!Files.exists(d)) {
                    err.println("sguil-bridge: " + d + ": no such file or directory");
                    return Main.EXIT_BAD_INPUT;
                }
            }
            RuleSet rules;
            try {
                rules = KnowledgeBaseLoader.load(roots);
            } catch (RuleBuildException e) {
                for (RuleFileError error : e.errors()) {
                    err.println(error);
                }
                err.println("FAILED: " + e.errors().size() + " error(s); nothing was built");
                return Main.EXIT_FAILURE;
            }
            if (json) {
                out.println(toJson(rules));
            } else {
                print(rules, out);
            }
            out.flush();
            return Main.EXIT_OK;
        }

        private static void print(RuleSet rules, PrintWriter out) {
            int nRules = 0;
            int nTypes = 0;
            for (RuleFileOutline o : rules.outlines()) {
                out.println(o.file() + "  (package " + o.packageName() + ")");
                for (RuleFileOutline.Item r : o.rules()) {
                    out.printf("  rule    %-60s line %d%n", "\"" + r.name() + "\"", r.line());
                }
                for (RuleFileOutline.Item q : o.queries()) {
                    out.printf("  query   %-60s line %d%n", "\"" + q.name() + "\"", q.line());
                }
                for (RuleFileOutline.Item t : o.declaredTypes()) {
                    out.printf("  declare %-60s line %d%n", t.name(), t.line());
                }
                nRules += o.rules().size();
                nTypes += o.declaredTypes().size();
            }
            out.println("OK: " + rules.outlines().size() + " file(s), " + nRules + " rule(s), " + nTypes
                    + " declared type(s)");
        }

        private static String toJson(RuleSet rules) throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("ok", true);
            ArrayNode files = root.putArray("files");
            for (RuleFileOutline o : rules.outlines()) {
                ObjectNode f = files.addObject();
                f.put("file", o.file());
                f.put("package", o.packageName());
                items(f.putArray("rules"), o.rules());
                items(f.putArray("queries"), o.queries());
                items(f.putArray("declared_types"), o.declaredTypes());
            }
            return mapper.writeValueAsString(root);
        }

        private static void items(ArrayNode array, List<RuleFileOutline.Item> items) {
            for (RuleFileOutline.Item i : items) {
                array.addObject().put("name", i.name()).put("line", i.line());
            }
        }
    }
}
