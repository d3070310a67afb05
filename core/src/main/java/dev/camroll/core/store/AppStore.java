package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The apps given access to the library, as rows: their id, name, the redirect URIs bound at
 * registration, when they were added and revoked. Apps are not content of the library, so their
 * writes take no generation of the change journal.
 */
public final class AppStore {
    /** One app as stored; {@code revokedAt} is null while it is not revoked. */
    public record AppRow(String id, String name, List<String> redirectUris, long addedAt, Long revokedAt) {
        public AppRow {
            redirectUris = List.copyOf(redirectUris);
        }
    }

    private static final String COLUMNS = "id, name, redirect_uris, added_at, revoked_at";
    /** The condition of an app {@code a} still waiting for the owner's consent. */
    private static final String WAITING = "a.self_registered = 1 AND a.revoked_at IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM app_tokens t WHERE t.app_id = a.id)"
            + " AND NOT EXISTS (SELECT 1 FROM app_grants g WHERE g.app_id = a.id)";

    private final Database database;

    public AppStore(Database database) {
        this.database = database;
    }

    public void insert(AppRow app) {
        database.writeOutsideJournal(connection -> {
            insert(connection, app, false);
            return null;
        });
    }

    private static void insert(Connection connection, AppRow app, boolean selfRegistered) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO apps (" + COLUMNS + ", self_registered) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, app.id());
            insert.setString(2, app.name());
            insert.setString(3, String.join("\n", app.redirectUris()));
            insert.setLong(4, app.addedAt());
            insert.setObject(5, app.revokedAt());
            insert.setBoolean(6, selfRegistered);
            insert.executeUpdate();
        }
    }

    /**
     * Keeps a self-registered app unless the apps still waiting for the owner's consent are
     * {@code limit} already, in one transaction: first the waiting ones added before {@code
     * expireAddedBefore} are deleted (with any device authorization they had open), then they are
     * counted. A self-registered app waits while it is not revoked, holds no token and has no
     * grant: the owner never answered it. Apps the owner added are never counted.
     *
     * @return empty when kept; else when the oldest waiting app was added
     */
    public OptionalLong insertUnlessFull(AppRow app, int limit, long expireAddedBefore) {
        return database.writeOutsideJournal(connection -> {
            try (PreparedStatement devices =
                    connection.prepareStatement("DELETE FROM device_codes WHERE app_id IN (SELECT id FROM apps a WHERE "
                            + WAITING + " AND a.added_at < ?)")) {
                devices.setLong(1, expireAddedBefore);
                devices.executeUpdate();
            }
            try (PreparedStatement expire =
                    connection.prepareStatement("DELETE FROM apps AS a WHERE " + WAITING + " AND a.added_at < ?")) {
                expire.setLong(1, expireAddedBefore);
                expire.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*), min(a.added_at) FROM apps a WHERE " + WAITING);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= limit) {
                    return OptionalLong.of(rs.getLong(2));
                }
            }
            insert(connection, app, true);
            return OptionalLong.empty();
        });
    }

    public Optional<AppRow> byId(String id) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM apps WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every app, revoked ones included, oldest first. */
    public List<AppRow> all() {
        return database.read(connection -> {
            List<AppRow> apps = new ArrayList<>();
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT " + COLUMNS + " FROM apps ORDER BY added_at, id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    apps.add(row(rs));
                }
            }
            return apps;
        });
    }

    /**
     * Revokes an app and, in the same transaction, every token it holds and every code or device
     * authorization it has open; false when there is no such app or it was revoked already.
     */
    public boolean revoke(String id, long now) {
        return database.writeOutsideJournal(connection -> {
            int changed;
            try (PreparedStatement revoke =
                    connection.prepareStatement("UPDATE apps SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                revoke.setLong(1, now);
                revoke.setString(2, id);
                changed = revoke.executeUpdate();
            }
            endSecrets(connection, id, now);
            return changed > 0;
        });
    }

    private static void endSecrets(Connection connection, String id, long now) throws SQLException {
        try (PreparedStatement tokens = connection.prepareStatement(
                "UPDATE app_tokens SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL")) {
            tokens.setLong(1, now);
            tokens.setString(2, id);
            tokens.executeUpdate();
        }
        for (String table : new String[] {"authorization_codes", "device_codes"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE app_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static AppRow row(ResultSet rs) throws SQLException {
        String uris = rs.getString(3);
        long revoked = rs.getLong(5);
        Long revokedAt = rs.wasNull() ? null : revoked;
        return new AppRow(
                rs.getString(1),
                rs.getString(2),
                uris.isEmpty() ? List.of() : Arrays.asList(uris.split("\n")),
                rs.getLong(4),
                revokedAt);
    }
}
