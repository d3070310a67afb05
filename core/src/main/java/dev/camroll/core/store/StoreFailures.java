package dev.camroll.core.store;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
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

    /**
     * The error code of an SQLite failure other than a full disk (which {@link #diskFull(SQLException,
     * Path)} tells, as it needs the file): damage, a read-only file, a busy index, a failed read or
     * write of the file; anything else is a fault of ours.
     */
    public static ErrorCode codeOf(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql instanceof SQLiteException sqlite
                        ? sqlite.getResultCode().code & 0xff
                        : sql.getErrorCode() & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return ErrorCode.NO_SPACE;
                }
                if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    return ErrorCode.DAMAGED_INDEX;
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                    return ErrorCode.READ_ONLY;
                }
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return ErrorCode.UNAVAILABLE;
                }
                if (primary == SQLiteErrorCode.SQLITE_IOERR.code
                        || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
                        || primary == SQLiteErrorCode.SQLITE_PERM.code) {
                    return ErrorCode.IO_ERROR;
                }
            }
        }
        return ErrorCode.INTERNAL;
    }

    /**
     * The error code of the failure under a write or a scan: one of the engine's keeps its code, a
     * full disk is {@link ErrorCode#NO_SPACE}, another failed file operation {@link
     * ErrorCode#IO_ERROR}, SQLite's by its result code, anything else a fault of ours.
     */
    public static ErrorCode codeOf(Throwable cause) {
        return switch (cause) {
            case CamrollException camroll -> camroll.code();
            case IOException io -> diskFull(io) ? ErrorCode.NO_SPACE : ErrorCode.IO_ERROR;
            case SQLException sql -> codeOf(sql);
            case null, default -> ErrorCode.INTERNAL;
        };
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
