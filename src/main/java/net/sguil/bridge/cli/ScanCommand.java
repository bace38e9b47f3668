package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.analysis.AnalysisLimits;
import net.sguil.bridge.analysis.CaptureProcessor;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractionConfig;
import net.sguil.bridge.analysis.ExtractionPipeline;
import net.sguil.bridge.analysis.FactFeed;
import net.sguil.bridge.rules.ActionHandler;
import net.sguil.bridge.rules.NetworkSet;
import net.sguil.bridge.rules.PrintingEventSink;
import net.sguil.bridge.rules.RuleCache;
import net.sguil.bridge.rules.RuleDirectories;
import net.sguil.bridge.rules.RuleEngine;
import net.sguil.bridge.rules.RuleParameters;
import net.sguil.bridge.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        header = "Runs the rules over capture files and prints what they conclude, without a database.",
        description = {
            "The same packet, stream and protocol analysis as the daemon's (SMTP attachments and HTTP "
                    + "transactions on any port) feeds its facts to the rules, on a clock driven by the packets' "
                    + "own times, and every event the rules conclude is printed: a table, or JSON with --json.",
            "",
            "The rules are those of the default rule directory ($" + RuleDirectories.ENV + ", else the drl "
                    + "directory of the installation), then of each --rules DIR. The inputs, the configuration "
                    + "and the rule directories are checked before the rules are compiled."},
        exitCodeList = {
            "0:it ran, whether or not anything fired",
            "1:the rules do not compile (file:line: message on stderr)",
            "2:some input, option, configuration or rule directory was unusable",
            "4:the --extract-dir directory cannot be created or written"})
public final class ScanCommand implements Callable<Integer> {
    /** After the last packet the clock runs on, so that windows still open (e.g. PUT summaries) close. */
    private static final Duration DRAIN = Duration.ofDays(1);

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files (pcap, pcapng, gzip).")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR", description = "A rule directory to compile after the default "
            + "one; repeatable.")
    List<Path> extraRules = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per event.")
    boolean json;

    @Option(names = "--home-net", paramLabel = "CIDR,…", description = "The home networks; the default comes "
            + "from --config, else " + RuleParameters.DEFAULT_HOME_NET + ".")
    String homeNet;

    @Option(names = "--extract-dir", paramLabel = "DIR", description = "Keep the extracted attachments in this "
            + "directory; by default they go to a private temporary directory, removed at the end.")
    Path extractDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Take rule parameters (trending, home_net, "
            + "smtp, known-bad hashes, …) and analysis limits (limits.…) from the bridge's configuration file.")
    Path config;

    @Mixin
    RuleCacheOptions ruleCache = new RuleCacheOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptureInputs.Checked inputs = CaptureInputs.check(files, err);
        if (inputs.usable().isEmpty()) {
            return inputs.status();
        }
        RuleParameters parameters;
        AnalysisLimits limits;
        try {
            limits = ExtractCommand.limits(config);
            parameters = config == null ? RuleParameters.defaults() : RuleParameters.from(ConfigFile.read(config));
            if (homeNet != null) {
                parameters = parameters.withHomeNet(NetworkSet.parse(homeNet));
            }
        } catch (ConfigException | IllegalArgumentException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage());
        }
        RuleCache cache = ruleCache.cache();
        if (extractDir != null) {
            OutputDirectory.prepare(extractDir, "--extract-dir");
        }
        RuleSet rules = RuleLoading.compile(RuleDirectories.withShipped(extraRules), cache, err, "nothing was scanned");
        int status = Main.EXIT_OK;
        PrintingEventSink sink = new PrintingEventSink(out, json);
        try (WorkDirectory work = WorkDirectory.of(extractDir, "sguil-bridge-scan-");
             RuleEngine engine = RuleEngine.replay(rules, parameters, sink, ActionHandler.loggingOnly())) {
            FactFeed feed = new FactFeed(engine::insertAndFire) {
                @Override
                public void capture(CaptureReport r) {
                    CaptureInputs.reportTruncation(err, r);
                }
            };
            try (ExtractionPipeline pipeline = new ExtractionPipeline(ExtractionConfig.defaults(work.path()).withLimits(limits), feed)) {
                CaptureProcessor processor = new CaptureProcessor(pipeline, true);
                status = CaptureInputs.processEach(inputs.usable(), err, f -> processor.process(f, b -> { }));
            }
            engine.advanceTo(engine.clock().plus(DRAIN));
        }
        out.flush();
        err.flush();
        return inputs.and(status);
    }
}
