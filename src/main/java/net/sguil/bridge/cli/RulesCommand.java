package net.sguil.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.rules.RuleDirectories;
import net.sguil.bridge.rules.RuleFileOutline;
import net.sguil.bridge.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge rules …}: work with the DRL rule files. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        header = "Checks the DRL rule files.",
        description = "The rules are compiled at start-up by scan and run; rules check compiles them on their own "
                + "and says what is there or what is wrong.",
        exitCodeList = "2:no subcommand was given",
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
            header = "Compiles the rules and lists their packages, rules and declared types.",
            description = {"Compiles every *.drl file under the default rule directory ($" + RuleDirectories.ENV
                    + ", else the drl directory of the installation) and under each DIR into one knowledge base, "
                    + "as scan does with --rules DIR. Each compile error is printed as file:line: message.",
                    "",
                    "A directory without rule files is a warning; a missing one is an error."},
            exitCodeList = {
                "0:the rules compile",
                "1:the rules do not compile (file:line: message on stderr)",
                "2:a rule directory does not exist"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..*", description = "Rule directories or files to compile after "
                + "the default rule directory.")
        List<Path> dirs = List.of();

        @Option(names = "--json", description = "Print one JSON object instead of the listing.")
        boolean json;

        @Mixin
        RuleCacheOptions ruleCache = new RuleCacheOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RuleSet rules = RuleLoading.compile(RuleDirectories.withShipped(dirs), ruleCache.cache(),
                    spec.commandLine().getErr(), "nothing was built");
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
