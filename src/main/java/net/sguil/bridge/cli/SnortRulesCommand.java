package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.snort.RuleProblem;
import net.sguil.bridge.snort.SnortRuleParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "snort-rules", mixinStandardHelpOptions = true,
        header = "Checks Snort rules files such as the bridge's snort-rules/local.rules.",
        description = "The bridge ships Snort rules for the sensors (snort-rules/); snort-rules check parses them "
                + "before they are deployed.",
        exitCodeList = "2:no subcommand was given",
        subcommands = SnortRulesCommand.Check.class)
public final class SnortRulesCommand {
    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Parses Snort 2.9 rules files and reports each error as FILE:LINE: message.",
            description = "Checked: the header (action, protocol, addresses, ports, direction) and the options msg, "
                    + "flow, content with nocase/depth/offset/distance/within, pcre (its form only), classtype, "
                    + "priority, reference, sid (unique per file, local range from 1000000), rev and metadata. Other "
                    + "options are reported as unsupported.",
            exitCodeList = {
                "0:no errors",
                "1:errors were found (FILE:LINE: message on stdout)",
                "2:a file could not be read"})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rules files, such as snort-rules/local.rules.")
        List<Path> files;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int status = Main.EXIT_OK;
            int rules = 0;
            int errors = 0;
            for (Path f : files) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                } catch (NoSuchFileException e) {
                    err.println("sguil-bridge: " + f + ": no such file");
                    status = Main.EXIT_BAD_INPUT;
                    continue;
                } catch (IOException e) {
                    err.println("sguil-bridge: " + f + ": cannot read it: " + Failures.reason(e));
                    status = Main.EXIT_BAD_INPUT;
                    continue;
                }
                SnortRuleParser.Result r = SnortRuleParser.parse(f.toString(), lines);
                rules += r.rules().size();
                for (RuleProblem p : r.problems()) {
                    out.println(p);
                    errors++;
                }
            }
            out.println(rules + " rule(s) ok, " + errors + " error(s)");
            out.flush();
            err.flush();
            if (status != Main.EXIT_OK) {
                return status;
            }
            return errors > 0 ? Main.EXIT_FAILURE : Main.EXIT_OK;
        }
    }
}
