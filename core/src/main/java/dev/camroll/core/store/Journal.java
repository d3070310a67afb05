package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the change journal: what was inserted, updated and deleted since a generation. */
public final class Journal {
    /** SQL for the generation of the running write transaction (bumped by {@link Database#write}). */
    static final String CURRENT_GENERATION = "(SELECT generation FROM library_state)";

    /** Past this many changes, a caller is better served by a full reload than by a list. */
    public static final int MAX_CHANGES = 10_000;

    private final Database database;

    public Journal(Database database) {
        this.database = database;
    }

    public JournalState state() {
        return database.read(Journal::state);
    }

    /**
     * The changes after {@code generation} of the library {@code libraryId} that the scope sees,
     * read in one transaction. A scope that does not see every asset hears of an asset moved into
     * its view (into a folder it was given whole, say) as an insert, and of one moved out as a
     * delete (see {@link ScopeHistory}); a deleted asset is judged by its tombstone.
     */
    public JournalChanges changesSince(Scope scope, String libraryId, long generation) {
        return database.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                JournalState state = state(connection);
                if (!state.libraryId().equals(libraryId)
                        || generation < state.horizon()
                        || generation > state.generation()) {
                    return new JournalChanges(false, List.of(), List.of(), List.of(), state);
                }
                List<String> inserted = new ArrayList<>();
                List<String> updated = new ArrayList<>();
                List<String> deleted = new ArrayList<>();
                // A changed row is new to the caller unless the asset existed at the token: added
                // at or before it, or deleted after it and restored since (a tombstone spans it).
                try (PreparedStatement changed = connection.prepareStatement("SELECT a.public_id,"
                        + " a.generation_added <= ?1 OR EXISTS (SELECT 1 FROM tombstones t"
                        + " WHERE t.public_id = a.public_id AND t.generation_added <= ?1 AND t.generation > ?1)"
                        + " FROM assets a WHERE a.generation_modified > ?1" + ScopeSql.and(scope, "a") + " LIMIT ?2")) {
                    changed.setLong(1, generation);
                    changed.setInt(2, MAX_CHANGES + 1);
                    try (ResultSet rs = changed.executeQuery()) {
                        while (rs.next()) {
                            (rs.getBoolean(2) ? updated : inserted).add(rs.getString(1));
                        }
                    }
                }
                // Deleted: existed at the token (a tombstone spans it) and has no row now. An asset
                // both added and deleted since then never existed for the caller.
                try (PreparedStatement gone = connection.prepareStatement("SELECT DISTINCT t.public_id"
                        + " FROM tombstones t WHERE t.generation > ?1 AND t.generation_added <= ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.public_id = t.public_id)"
                        + ScopeSql.and(scope, ScopeSql.Rows.TOMBSTONES, "t") + " LIMIT ?2")) {
                    gone.setLong(1, generation);
                    gone.setInt(2, MAX_CHANGES + 1);
                    try (ResultSet rs = gone.executeQuery()) {
                        while (rs.next()) {
                            deleted.add(rs.getString(1));
                        }
                    }
                }
                if (!ScopeSql.countersAnswer(scope)) {
                    ScopeHistory.judgeMoves(connection, scope, generation, inserted, updated, deleted);
                }
                if (inserted.size() + updated.size() + deleted.size() > MAX_CHANGES) {
                    return new JournalChanges(false, List.of(), List.of(), List.of(), state);
                }
                return new JournalChanges(true, inserted, updated, deleted, state);
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * Forgets tombstones of deletions older than {@code olderThanMillis} (epoch ms); tokens from
     * before them then ask for a full reload.
     */
    public void purgeTombstones(long olderThanMillis) {
        boolean anyToPurge = database.read(connection -> {
            try (PreparedStatement old = connection.prepareStatement("SELECT 1 FROM tombstones WHERE deleted_at < ?1"
                    + " UNION ALL SELECT 1 FROM asset_moves WHERE moved_at < ?1 LIMIT 1")) {
                old.setLong(1, olderThanMillis);
                try (ResultSet rs = old.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!anyToPurge) {
            // Opening a library to read it must not write (nor take a generation).
            return;
        }
        database.write(connection -> {
            try (PreparedStatement horizon = connection.prepareStatement("UPDATE library_state SET horizon ="
                            + " MAX(horizon, (SELECT COALESCE(MAX(generation), 0) FROM tombstones WHERE deleted_at < ?1),"
                            + " (SELECT COALESCE(MAX(generation), 0) FROM asset_moves WHERE moved_at < ?1))");
                    PreparedStatement purge =
                            connection.prepareStatement("DELETE FROM tombstones WHERE deleted_at < ?");
                    PreparedStatement purgeMoves =
                            connection.prepareStatement("DELETE FROM asset_moves WHERE moved_at < ?")) {
                horizon.setLong(1, olderThanMillis);
                horizon.executeUpdate();
                purge.setLong(1, olderThanMillis);
                purge.executeUpdate();
                purgeMoves.setLong(1, olderThanMillis);
                purgeMoves.executeUpdate();
            }
            return null;
        });
    }

    private static JournalState state(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT library_id, generation, horizon FROM library_state")) {
            if (!rs.next()) {
                throw new StoreException(ErrorCode.DAMAGED_INDEX, "the index has no journal state");
            }
            return new JournalState(rs.getString(1), rs.getLong(2), rs.getLong(3));
        }
    }
}
