package net.sguil.bridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code sguil-bridge} command. Exit codes mean the same in every command; each command's help
 * lists those it can return.
 */
@Command(name = "sguil-bridge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "sguil-bridge adds a rule engine to Sguil. It reads what a Sguil installation already collects: "
                    + "the Snort alerts in the event table, the session records in sancp and the sensors' "
                    + "full-content pcaps. It turns them into facts for Drools rules kept in editable DRL files, "
                    + "and writes what the rules conclude back into Sguil as events for the analyst console. "
                    + "It also works offline, on a capture file, without a database.",
            "",
            "Every command prints an ordinary failure as one line on stderr that names the file or setting "
                    + "and says what to do; --debug adds the stack trace and the libraries' logging."},
        exitCodeListHeading = "%nExit status (the same meanings in every command):%n",
        exitCodeList = {
            "0:it worked",
            "1:the rules do not compile, or what the command checks failed",
            "2:unusable input, arguments or configuration",
            "3:the database cannot be reached or refused the login",
            "4:the output cannot be written",
            "5:" + Main.INTERNAL_ERROR,
            "6:out of memory: give the JVM more heap (SGUIL_BRIDGE_JAVA_OPTS=-Xmx...) or lower limits.memory.heap_percent"})
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DB_UNREACHABLE = 3;
    public static final int EXIT_OUTPUT = 4;
    public static final int EXIT_INTERNAL = 5;
    /** The heap ran out although the analysis sheds load within its memory budget; what was concluded was printed. */
    public static final int EXIT_OUT_OF_MEMORY = 6;
    static final String INTERNAL_ERROR = "internal error (a bug: please report it with the --debug output)";

    /** Libraries whose logging is noise beside the bridge's own messages, unless one is debugging. */
    private static final String[] LIBRARIES = {"org.drools", "org.kie", "org.mariadb"};

    private boolean debug;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On a failure, print the stack trace too; log the bridge at DEBUG and the libraries "
                    + "(Drools, the database driver) at INFO.")
    void debug(boolean on) {
        debug = on;
        if (on && LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
            ((Logger) LoggerFactory.getLogger("net.sguil.bridge")).setLevel(Level.DEBUG);
            for (String library : LIBRARIES) {
                ((Logger) LoggerFactory.getLogger(library)).setLevel(Level.INFO);
            }
        }
    }

    boolean debugging() {
        return debug;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("sguil-bridge: out of memory (" + e.getMessage() + "); give the JVM more heap "
                    + "(SGUIL_BRIDGE_JAVA_OPTS=-Xmx...) or lower limits.memory.heap_percent");
            status = EXIT_OUT_OF_MEMORY;
        }
        System.exit(status);
    }

    /** The full command tree; tests execute it in-process. */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand(new ExtractCommand());
        cl.addSubcommand(new ScanCommand());
        cl.addSubcommand(new SessionCommand());
        cl.addSubcommand(new RulesCommand());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new StatusCommand());
        cl.addSubcommand(new ReportCommand());
        cl.addSubcommand(new SnortRulesCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Failures failures = new Failures(main);
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        HelpLayout.apply(cl);
        return cl;
    }

    /** The version Maven filtered into {@code sguil-bridge.properties} at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "/net/sguil/bridge/cli/sguil-bridge.properties";

        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("missing resource " + RESOURCE);
                }
                p.load(in);
            }
            return new String[] {"sguil-bridge " + p.getProperty("version")};
        }
    }
}
