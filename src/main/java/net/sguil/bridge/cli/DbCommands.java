package net.sguil.bridge.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.sguil.DbUnreachableException;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a command's database work and maps failures to the bridge's exit codes with a one-line message. */
final class DbCommands {
    /** The body of a database command; returns the exit code. */
    interface Work {
        int run(Connection c, PrintWriter out) throws SQLException;
    }

    private DbCommands() {
    }

    static int run(CommandSpec spec, DbOptions db, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        try (Connection c = db.connect()) {
            return work.run(c, spec.commandLine().getOut());
        } catch (DbUnreachableException e) {
            err.println("sguil-bridge: " + e.getMessage());
            return Main.EXIT_DB_UNREACHABLE;
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("sguil-bridge: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (SQLException e) {
            err.println("sguil-bridge: database error: " + e.getMessage());
            return Main.EXIT_DB_UNREACHABLE;
        } finally {
            err.flush();
        }
    }
}
