package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.analysis.AnalysisLimits;
import net.sguil.bridge.analysis.CaptureProcessor;
import net.sguil.bridge.analysis.ExtractionConfig;
import net.sguil.bridge.analysis.ExtractionPipeline;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        header = "Extracts every attachment of every SMTP session in capture files.",
        description = {
            "Reads pcap, pcapng and gzip-compressed captures and recognises SMTP by its dialogue on any port. "
                    + "Each attachment is stored under the output directory only, with a sanitised name, mode 0640, "
                    + "never overwriting another file, and gets MD5, SHA-1, SHA-256 and a type from its magic bytes. "
                    + "A byte of a message lost in the capture makes all of that message's attachments 'truncated'.",
            "",
            "An unusable capture is one line on stderr; the other files are still processed. A capture cut "
                    + "mid-record is processed up to the cut, and the cut is reported."},
        exitCodeList = {
            "0:every capture was read",
            "2:some input was unusable (one line on stderr for each)",
            "4:the output directory cannot be created or written"})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files (pcap, pcapng, gzip).")
    List<Path> files;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The directory for the extracted files; created (mode 0750) if missing.")
    Path outputDir;

    @Option(names = "--json", description = "Print one JSON object per line: attachment, message, session and "
            + "pcap records.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Take the analysis limits (limits.tcp.…, "
            + "limits.mime.… and the rest) from the bridge's configuration file.")
    Path config;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for MIME decoding and hashing; "
            + "the default is the number of processors.")
    Integer threads;

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
        AnalysisLimits limits;
        try {
            limits = limits(this.config);
        } catch (ConfigException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage());
        }
        ExtractionConfig config = ExtractionConfig.defaults(OutputDirectory.prepare(outputDir, "-o")).withLimits(limits);
        if (threads != null) {
            config = config.withThreads(Math.max(1, threads));
        }
        int status;
        ExtractionReport report = json ? new JsonExtractionReport(out, err) : new TextExtractionReport(out, err);
        try (ExtractionPipeline pipeline = new ExtractionPipeline(config, report);
             Progress progress = Progress.forFiles(inputs.usable())) {
            CaptureProcessor processor = new CaptureProcessor(pipeline, false);
            status = CaptureInputs.processEach(inputs.usable(), err, f -> processor.process(f, progress.forFile(f)));
        }
        out.flush();
        err.flush();
        return inputs.and(status);
    }

    /** The analysis limits of a configuration file, or the defaults without one. */
    static AnalysisLimits limits(Path configFile) throws ConfigException {
        return configFile == null ? AnalysisLimits.defaults() : AnalysisLimits.from(ConfigFile.read(configFile));
    }
}
