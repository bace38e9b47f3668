package net.sguil.bridge.sguil;

import java.sql.SQLException;

/** MariaDB error numbers the Sguil code reacts to. */
public final class SqlErrors {
    static final int DUPLICATE_KEY = 1062;
    static final int NO_SUCH_TABLE = 1146;

    private SqlErrors() {
    }

    /** A MERGE table briefly missing while someone (sguild, the writer) drops and recreates it. */
    static boolean isMergeBeingRebuilt(SQLException e) {
        return isNoSuchTable(e);
    }

    /** The table does not exist (yet: sguild creates the MERGE tables with the first event). */
    public static boolean isNoSuchTable(SQLException e) {
        return e.getErrorCode() == NO_SUCH_TABLE;
    }
}
