package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    private final Database database;

    public AppStore(Database database) {
        this.database = database;
    }

    public void insert(AppRow app) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO apps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, app.id());
                insert.setString(2, app.name());
                insert.setString(3, String.join("\n", app.redirectUris()));
                insert.setLong(4, app.addedAt());
                insert.setObject(5, app.revokedAt());
                insert.executeUpdate();
            }
            return null;
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
