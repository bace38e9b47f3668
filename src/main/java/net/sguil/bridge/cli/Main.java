package net.sguil.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sguil-bridge} command. Exit codes scripts can rely on:
 * 0 success, 1 failure (e.g. rules that do not compile), 2 unusable input or bad usage,
 * 3 database unreachable, 6 out of memory (the heap ran out although the analysis sheds load within
 * its memory budget; what was concluded before was printed).
 */
@Command(name = "sguil-bridge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Rule-engine extension for Sguil: pcaps, SMTP/HTTP analysis, Drools rules, Sguil events.")
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DB_UNREACHABLE = 3;
    public static final int EXIT_OUT_OF_MEMORY = 6;

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
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new ExtractCommand());
        cl.addSubcommand(new ReportCommand());
        cl.addSubcommand(new SnortRulesCommand());
        cl.addSubcommand(new RulesCommand());
        cl.addSubcommand(new ScanCommand());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new StatusCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sguil-bridge " + (v == null ? "dev" : v)};
        }
    }
}
