package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        description = {
            "Extracts every attachment of every SMTP session in the given captures (pcap, pcapng, gzip).",
            "SMTP is recognised by its dialogue on any port. Files are stored under the output directory only,",
            "with sanitised names, mode 0640, never overwriting; each gets MD5, SHA-1, SHA-256 and a type from its",
            "magic bytes. Anything lost to a capture gap makes the message's attachments 'truncated'.",
            "",
            "Exit status: 0 every capture was read (a capture cut mid-record is processed up to the cut and",
            "reported); 2 some input was unusable (its error is on stderr; the other files are still processed)."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for the extracted files (created if missing).")
    Path outputDir;

    @Option(names = "--json", description = "One JSON object per line (attachment, message, session, pcap records).")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Take analysis limits (limits.tcp.…, "
            + "limits.mime.…, …) from the bridge's configuration file.")
    Path config;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for MIME decoding and hashing "
            + "(default: the number of processors).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(outputDir)) {
            Files.createDirectories(outputDir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        }
        ExtractionConfig config;
        try {
            config = ExtractionConfig.defaults(outputDir).withLimits(limits(this.config));
        } catch (ConfigException e) {
            err.println("sguil-bridge: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (threads != null) {
            config = config.withThreads(Math.max(1, threads));
        }
        int status = Main.EXIT_OK;
        ExtractionReport report = json ? new JsonExtractionReport(out, err) : new TextExtractionReport(out, err);
        try (ExtractionPipeline pipeline = new ExtractionPipeline(config, report);
             Progress progress = Progress.forFiles(files)) {
            CaptureProcessor processor = new CaptureProcessor(pipeline, false);
            status = CaptureInputs.processEach(files, err, f -> processor.process(f, progress.forFile(f)));
        }
        out.flush();
        err.flush();
        return status;
    }

    /** The analysis limits of a configuration file, or the defaults without one. */
    static AnalysisLimits limits(Path configFile) throws ConfigException {
        return configFile == null ? AnalysisLimits.defaults() : AnalysisLimits.from(ConfigFile.read(configFile));
    }
}
