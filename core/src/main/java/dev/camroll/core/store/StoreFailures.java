package dev.camroll.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What a failure of SQLite or of the file system means, for messages that name the cause. */
public final class StoreFailures {
    /** Less free space than this is a full disk: not even the few pages of one write fit. */
    private static final long NO_ROOM_BYTES = 64 * 1024;

    private StoreFailures() {}

    /**
     * Whether SQLite failed because the disk (the file system of {@code file}) is full: SQLITE_FULL,
     * or an I/O error on a file system with no room left (growing the shared-memory file of WAL
     * mode reports only "disk I/O error").
     */
    public static boolean diskFull(SQLException e, Path file) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql instanceof SQLiteException sqlite
                        ? sqlite.getResultCode().code & 0xff
                        : sql.getErrorCode() & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return true;
                }
                if (primary == SQLiteErrorCode.SQLITE_IOERR.code && noRoomLeft(file)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The message of a write to the index that failed for lack of space. */
    public static String diskFullMessage(Path file) {
        return "no space left on device: cannot write the index " + file + " (free some space and run again)";
    }

    private static boolean noRoomLeft(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace() < NO_ROOM_BYTES;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    /** Whether a file operation failed because the disk is full (ENOSPC; the JDK gives no type). */
    public static boolean diskFull(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
