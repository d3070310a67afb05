package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings the schema to the newest version. The version lives in SQLite's {@code user_version}, so
 * checking it costs one pragma: the command line opens the index on every call, and a migration
 * framework's start-up would be a large share of a query's time.
 */
final class Migrations {
    /** In order; the n-th script takes the schema from version n-1 to n. Never edit a released one. */
    private static final List<String> SCRIPTS = List.of(
            "V1__index.sql",
            "V2__change_journal.sql",
            "V3__trash.sql",
            "V4__tombstone_history.sql",
            "V5__content_key.sql",
            "V6__reader_version.sql",
            "V7__day_counts.sql",
            "V8__tombstone_media_type.sql",
            "V9__app_grants.sql",
            "V10__apps.sql",
            "V11__app_views.sql",
            "V12__waiting_limits.sql",
            "V13__moments.sql",
            "V14__smart.sql",
            "V15__live.sql",
            "V16__pairs.sql",
            "V17__picker.sql");

    private Migrations() {}

    static int latestVersion() {
        return SCRIPTS.size();
    }

    /** Whether the index is older than this Camroll (a newer one is refused). */
    static boolean pending(Connection connection) throws SQLException {
        return checkedVersion(connection) < SCRIPTS.size();
    }

    /**
     * Runs the pending scripts, each in one transaction. Several processes may open a new or older
     * index at once: each step takes the write lock first ({@code BEGIN IMMEDIATE}) and reads the
     * version again under it, so a script another process ran meanwhile is not run twice (its
     * {@code ALTER TABLE ... ADD COLUMN} would fail).
     */
    static void migrate(Connection connection) throws SQLException {
        if (!pending(connection)) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (int version = checkedVersion(connection) + 1; version <= SCRIPTS.size(); version++) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    if (checkedVersion(connection) < version) {
                        statement.executeUpdate(load(SCRIPTS.get(version - 1)));
                        statement.executeUpdate("PRAGMA user_version = " + version);
                    }
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollBack(statement, e);
                    throw e;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** SQLite may have rolled the transaction back itself (a full disk): the first error is the one to tell. */
    private static void rollBack(Statement statement, Exception cause) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static int checkedVersion(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new StoreException(
                    ErrorCode.UNAVAILABLE,
                    "the index has schema version " + current + ", newer than this Camroll knows (" + SCRIPTS.size()
                            + "): use a newer Camroll");
        }
        return current;
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException(ErrorCode.INTERNAL, "migration script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL, "cannot read migration script " + name, e);
        }
    }
}
