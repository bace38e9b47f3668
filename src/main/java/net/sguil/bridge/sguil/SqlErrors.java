package net.sguil.bridge.sguil;

import java.sql.SQLException;

/** MariaDB error numbers the Sguil code reacts to. */
final class SqlErrors {
    static final int DUPLICATE_KEY = 1062;
    static final int NO_SUCH_TABLE = 1146;

    private SqlErrors() {
    }

    /** A MERGE table briefly missing while someone (sguild, the writer) drops and recreates it. */
    static boolean isMergeBeingRebuilt(SQLException e) {
        return e.getErrorCode() == NO_SUCH_TABLE;
    }
}
