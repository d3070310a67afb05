package dev.camroll.core.store;

import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a scope saw an asset at a change token, from the state the asset had then: its folder
 * and media type before the first move after the token ({@code asset_moves}), or as they are when
 * it did not move. A scope that sees part of the library then hears of an asset that entered its
 * view as an insert and of one that left it as a delete, though neither was inserted or deleted.
 * (The scope's selection and grant are those of now: a change of them changes the grant's version,
 * and a token from before it gets a full reload.)
 */
final class ScopeHistory {
    private ScopeHistory() {}

    /**
     * Moves, in the lists of a scope's changes since {@code generation}: updated assets it did not
     * see then become inserts; assets changed since that it saw then but not now become deletes.
     */
    static void judgeMoves(
            Connection connection,
            Scope scope,
            long generation,
            List<String> inserted,
            List<String> updated,
            List<String> deleted)
            throws SQLException {
        try (PreparedStatement then = connection.prepareStatement("SELECT 1 FROM (SELECT ?1 AS public_id,"
                        + " ?2 AS media_type, ?3 AS album_id) p WHERE "
                        + ScopeSql.condition(scope, ScopeSql.Rows.ASSET_STATES, "p"));
                PreparedStatement before = connection.prepareStatement("SELECT a.media_type, a.album_id,"
                        + " (SELECT m.media_type FROM asset_moves m WHERE m.public_id = a.public_id"
                        + " AND m.generation > ?2 ORDER BY m.generation LIMIT 1),"
                        + " (SELECT m.album_id FROM asset_moves m WHERE m.public_id = a.public_id"
                        + " AND m.generation > ?2 ORDER BY m.generation LIMIT 1)"
                        + " FROM assets a WHERE a.public_id = ?1")) {
            List<String> entered = new ArrayList<>();
            for (String id : updated) {
                if (!sawThen(then, before, id, generation)) {
                    entered.add(id);
                }
            }
            updated.removeAll(entered);
            inserted.addAll(entered);
            for (String id : leftSince(connection, scope, generation)) {
                if (sawThen(then, before, id, generation)) {
                    deleted.add(id);
                }
            }
        }
    }

    private static boolean sawThen(PreparedStatement then, PreparedStatement before, String id, long generation)
            throws SQLException {
        before.setString(1, id);
        before.setLong(2, generation);
        int mediaType;
        long album;
        try (ResultSet rs = before.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            mediaType = rs.getInt(1);
            album = rs.getLong(2);
            int movedType = rs.getInt(3);
            if (!rs.wasNull()) {
                mediaType = movedType;
                album = rs.getLong(4);
            }
        }
        then.setString(1, id);
        then.setInt(2, mediaType);
        then.setLong(3, album);
        try (ResultSet rs = then.executeQuery()) {
            return rs.next();
        }
    }

    /** Assets that existed at the token, changed since, and that the scope does not see now. */
    private static List<String> leftSince(Connection connection, Scope scope, long generation) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT a.public_id FROM assets a"
                + " WHERE a.generation_modified > ?1 AND a.generation_added <= ?1 AND NOT "
                + ScopeSql.condition(scope, ScopeSql.Rows.ASSETS, "a") + " LIMIT ?2")) {
            select.setLong(1, generation);
            select.setInt(2, Journal.MAX_CHANGES + 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
