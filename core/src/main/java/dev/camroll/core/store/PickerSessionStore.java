package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The picker's sessions and their results, as rows. Sessions are not content of the library, so
 * their writes take no generation of the change journal: a picked result wakes no listener.
 */
public final class PickerSessionStore {
    /** A session's state as stored: waiting for the person, or completed one way or the other. */
    public static final String WAITING = "waiting";

    public static final String PICKED = "picked";
    public static final String CANCELED = "canceled";

    /**
     * One session as stored.
     *
     * @param appId the app that made it, or null: the owner
     * @param options the options in the picker's text form
     * @param state {@link #WAITING}, {@link #PICKED} or {@link #CANCELED}
     * @param completedAt when it was picked or canceled, or null
     * @param fetchedAt when its maker first read the completed result, or null
     */
    public record SessionRow(
            String id,
            String appId,
            String options,
            String state,
            long createdAt,
            long expiresAt,
            Long completedAt,
            Long fetchedAt) {
        public SessionRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * One result file of a picked session.
     *
     * @param file the file's name in the session's folder of the data folder
     * @param fileName the name the app is told
     * @param durationMs a video's length, or null
     * @param assetId the library asset it was made from
     */
    public record ResultRow(
            int position,
            String file,
            String fileName,
            String mimeType,
            String type,
            int width,
            int height,
            long fileSize,
            Long durationMs,
            String assetId) {}

    private static final String COLUMNS =
            "id, app_id, options, state, created_at, expires_at, completed_at, fetched_at";
    private static final String RESULT_COLUMNS =
            "position, file, file_name, mime_type, type, width, height, file_size, duration_ms, asset_id";

    private final Database database;

    public PickerSessionStore(Database database) {
        this.database = database;
    }

    public void insert(SessionRow session) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO picker_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.id());
                insert.setString(2, session.appId());
                insert.setString(3, session.options());
                insert.setString(4, session.state());
                insert.setLong(5, session.createdAt());
                insert.setLong(6, session.expiresAt());
                insert.setObject(7, session.completedAt());
                insert.setObject(8, session.fetchedAt());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<SessionRow> byId(String id) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM picker_sessions WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(session(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The results of a session in selection order; empty for one not picked. */
    public List<ResultRow> results(String sessionId) {
        return database.read(connection -> results(connection, sessionId));
    }

    private static List<ResultRow> results(Connection connection, String sessionId) throws SQLException {
        List<ResultRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + RESULT_COLUMNS + " FROM picker_results WHERE session_id = ? ORDER BY position")) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long duration = rs.getLong(9);
                    Long durationMs = rs.wasNull() ? null : duration;
                    rows.add(new ResultRow(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getInt(7),
                            rs.getLong(8),
                            durationMs,
                            rs.getString(10)));
                }
            }
        }
        return rows;
    }

    /**
     * Completes a session waiting and not expired at {@code now}: {@link #PICKED} with its results,
     * or {@link #CANCELED} with none, in one transaction. False when it was not waiting any more
     * (completed, deleted or expired meanwhile): nothing is written then.
     */
    public boolean complete(String id, String state, List<ResultRow> results, long now) {
        if (state.equals(WAITING)) {
            throw new IllegalArgumentException("a session completes as picked or canceled");
        }
        return database.writeOutsideJournal(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE picker_sessions"
                    + " SET state = ?, completed_at = ? WHERE id = ? AND state = 'waiting' AND expires_at > ?")) {
                update.setString(1, state);
                update.setLong(2, now);
                update.setString(3, id);
                update.setLong(4, now);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO picker_results (session_id, "
                    + RESULT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ResultRow row : results) {
                    insert.setString(1, id);
                    insert.setInt(2, row.position());
                    insert.setString(3, row.file());
                    insert.setString(4, row.fileName());
                    insert.setString(5, row.mimeType());
                    insert.setString(6, row.type());
                    insert.setInt(7, row.width());
                    insert.setInt(8, row.height());
                    insert.setLong(9, row.fileSize());
                    insert.setObject(10, row.durationMs());
                    insert.setString(11, row.assetId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    /** Notes that the session's maker read its completed result (it is no longer pending). */
    public void markFetched(String id, long now) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE picker_sessions SET fetched_at = ?"
                    + " WHERE id = ? AND completed_at IS NOT NULL AND fetched_at IS NULL")) {
                update.setLong(1, now);
                update.setString(2, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The completed sessions of one maker ({@code appId} null: the owner) whose result it has not
     * read, not expired at {@code now}, oldest completion first; marked read in the same
     * transaction, so that each is handed over once.
     */
    public List<SessionRow> takePending(String appId, long now) {
        return database.writeOutsideJournal(connection -> {
            List<SessionRow> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM picker_sessions WHERE app_id IS ? AND completed_at IS NOT NULL AND fetched_at IS NULL"
                    + " AND expires_at > ? ORDER BY completed_at, id")) {
                select.setString(1, appId);
                select.setLong(2, now);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        pending.add(session(rs));
                    }
                }
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE picker_sessions SET fetched_at = ? WHERE id = ?")) {
                for (SessionRow row : pending) {
                    update.setLong(1, now);
                    update.setString(2, row.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return pending;
        });
    }

    /** Deletes a session and its result rows; false when there was none. */
    public boolean delete(String id) {
        return database.writeOutsideJournal(connection -> deleteRows(connection, id));
    }

    /** Deletes every session expired at {@code now} with its result rows; returns their ids. */
    public List<String> deleteExpired(long now) {
        return database.writeOutsideJournal(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id FROM picker_sessions WHERE expires_at <= ?")) {
                select.setLong(1, now);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            for (String id : ids) {
                deleteRows(connection, id);
            }
            return ids;
        });
    }

    /** The ids of every session, expired or not (for the data folder's sweep of leftover files). */
    public List<String> allIds() {
        return database.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM picker_sessions");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private static boolean deleteRows(Connection connection, String id) throws SQLException {
        try (PreparedStatement results =
                connection.prepareStatement("DELETE FROM picker_results WHERE session_id = ?")) {
            results.setString(1, id);
            results.executeUpdate();
        }
        try (PreparedStatement session = connection.prepareStatement("DELETE FROM picker_sessions WHERE id = ?")) {
            session.setString(1, id);
            return session.executeUpdate() > 0;
        }
    }

    private static SessionRow session(ResultSet rs) throws SQLException {
        long completed = rs.getLong(7);
        Long completedAt = rs.wasNull() ? null : completed;
        long fetched = rs.getLong(8);
        Long fetchedAt = rs.wasNull() ? null : fetched;
        return new SessionRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getLong(6),
                completedAt,
                fetchedAt);
    }
}
