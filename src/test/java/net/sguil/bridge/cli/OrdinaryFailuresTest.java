package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everyday mistakes, each one line on stderr naming the file and what to do, with the exit status
 * the command's help documents, and no stack trace.
 */
class OrdinaryFailuresTest {
    private static final String CAPTURE = "examples/smtp-attachment.pcap";

    @TempDir
    Path dir;

    /** The one line a failure printed, after checking it is the only one and carries no Java. */
    private static String oneLine(CliRun run, int status) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(status);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        assertThat(lines.get(0)).startsWith("sguil-bridge: ")
                .doesNotContain("Exception", "\tat ", "(Is a directory)", "(No such file");
        return lines.get(0);
    }

    @Test
    void anOutputDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "");
        CliRun run = CliRun.of("extract", CAPTURE, "-o", file.toString());
        assertThat(oneLine(run, Main.EXIT_OUTPUT)).contains(file + ": exists and is not a directory", "give -o");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOutputDirectoryThatCannotBeCreated() {
        CliRun run = CliRun.of("extract", CAPTURE, "-o", "/proc/sguil-bridge-test/out");
        assertThat(oneLine(run, Main.EXIT_OUTPUT)).contains("/proc/sguil-bridge-test/out: cannot create it",
                "give -o a directory you can write to");
    }

    @Test
    void anOutputDirectoryBelowAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "");
        CliRun run = CliRun.of("extract", CAPTURE, "-o", file.resolve("sub").toString());
        assertThat(oneLine(run, Main.EXIT_OUTPUT)).contains(file.resolve("sub") + ": cannot create it");
    }

    @Test
    void scanWithAnExtractDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("keep"), "");
        CliRun run = CliRun.of("scan", "--extract-dir", file.toString(), CAPTURE);
        assertThat(oneLine(run, Main.EXIT_OUTPUT)).contains(file + ": exists and is not a directory", "--extract-dir");
    }

    @Test
    void statusBeforeTheDaemonEverRan() throws Exception {
        Path config = Files.writeString(dir.resolve("bridge.conf"), "state.dir = state\n");
        CliRun run = CliRun.of("status", "--config", config.toString());
        assertThat(oneLine(run, Main.EXIT_FAILURE)).contains(dir.resolve("state").resolve("status.json")
                + ": no status file", "has not run", "sguil-bridge run --config " + config);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDirectoryGivenAsACapture() {
        CliRun run = CliRun.of("extract", dir.toString(), "-o", dir.resolve("out").toString());
        String line = oneLine(run, Main.EXIT_BAD_INPUT);
        assertThat(line).isEqualTo("sguil-bridge: " + dir + ": is a directory; give the capture files in it");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingCaptureLeavesStdoutEmpty() {
        CliRun run = CliRun.of("extract", "nope.pcap", "-o", dir.resolve("out").toString());
        assertThat(oneLine(run, Main.EXIT_BAD_INPUT)).isEqualTo("sguil-bridge: nope.pcap: no such file");
        assertThat(run.out()).as("no '== nope.pcap: 0 packets'").isEmpty();
        assertThat(dir.resolve("out")).as("nothing to store, nothing created").doesNotExist();
    }

    @Test
    void aMissingCaptureIsReportedBeforeTheRulesAreCompiled() throws Exception {
        // rules that do not compile would make it exit 1: exit 2 shows the input check came first
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), "package x;\nrule \"r\" when\n  Nonsense(\nthen end\n");
        CliRun run = CliRun.of("scan", "--rules", rules.toString(), "nope.pcap");
        assertThat(oneLine(run, Main.EXIT_BAD_INPUT)).isEqualTo("sguil-bridge: nope.pcap: no such file");
    }

    @Test
    void aMissingRuleDirectoryIsMissingNotUncompilable() {
        CliRun run = CliRun.of("scan", "--rules", dir.resolve("missing").toString(), CAPTURE);
        assertThat(oneLine(run, Main.EXIT_BAD_INPUT)).isEqualTo("sguil-bridge: " + dir.resolve("missing")
                + ": no such rule directory; give an existing directory");
        CliRun check = CliRun.of("rules", "check", dir.resolve("missing").toString());
        assertThat(oneLine(check, Main.EXIT_BAD_INPUT)).contains("no such rule directory");
    }

    @Test
    void anEmptyRuleDirectoryIsAWarning() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("rules", "check", empty.toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_OK);
        assertThat(run.err()).isEqualTo("sguil-bridge: warning: " + empty + ": no *.drl rule files in it\n");
    }

    @Test
    void theDaemonWithAMissingRuleDirectory() throws Exception {
        Files.writeString(dir.resolve("db.password"), TestDatabase.PASSWORD + "\n");
        Path config = Files.writeString(dir.resolve("bridge.conf"), String.join("\n",
                "db.url = " + TestDatabase.SERVER_URL + "sguildb", "db.user = " + TestDatabase.USER,
                "db.password_file = db.password", "state.dir = state", "sguild.host =",
                "rules.dirs = no-such-rules", ""));
        CliRun run = CliRun.of("run", "--config", config.toString());
        assertThat(oneLine(run, Main.EXIT_BAD_INPUT)).contains(dir.resolve("no-such-rules") + ": no such rule directory",
                "fix rules.dirs in " + config);
    }

    @Test
    void aUsageErrorIsOneLinePointingToTheHelp() {
        assertThat(oneLine(CliRun.of("extract", CAPTURE), Main.EXIT_BAD_INPUT))
                .contains("'--output=DIR'", "(see: sguil-bridge extract --help)");
        assertThat(oneLine(CliRun.of("scan", "--no-such-option", CAPTURE), Main.EXIT_BAD_INPUT))
                .contains("Unknown option: '--no-such-option'");
    }

    /** A command with a bug, to see what a user is shown of it. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    private static CliRun runBoom(String... args) {
        Main main = new Main();
        picocli.CommandLine cl = new picocli.CommandLine(main).addSubcommand(new Boom());
        Failures failures = new Failures(main);
        cl.setExecutionExceptionHandler(failures);
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        return new CliRun(cl.execute(args), "", err.toString());
    }

    @Test
    void anInternalErrorSaysSoAndTheTraceComesOnlyWithDebug() {
        CliRun quiet = runBoom("boom");
        assertThat(quiet.status()).isEqualTo(Main.EXIT_INTERNAL);
        assertThat(quiet.err()).isEqualTo("sguil-bridge: internal error: "
                + "java.lang.IllegalStateException: a bug (run again with --debug for the stack trace, and please "
                + "report it)\n");
        CliRun debug = runBoom("--debug", "boom");
        assertThat(debug.status()).isEqualTo(Main.EXIT_INTERNAL);
        assertThat(debug.err()).startsWith("sguil-bridge: internal error: java.lang.IllegalStateException: a bug\n")
                .contains("\tat net.sguil.bridge.cli.OrdinaryFailuresTest$Boom.call");
    }
}
