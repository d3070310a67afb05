package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The secrets apps hold, each stored only as the SHA-256 hash of its text and found by looking
 * that hash up: access and refresh tokens, authorization codes and device authorizations. What a
 * secret allows is decided by {@code access.AppRegistry}; this class only keeps the rows, and
 * makes each one-use secret usable once, atomically. No write here takes a generation of the
 * change journal: tokens are not content of the library.
 */
public final class TokenStore {
    /** An access or refresh token; {@code appRevoked} says whether its app was revoked since. */
    public record TokenRow(
            String appId,
            String kind,
            String family,
            String scope,
            long expiresAt,
            Long usedAt,
            Long revokedAt,
            boolean appRevoked) {}

    /** An authorization code as it was before this use; {@code usedAt} set when it was used before. */
    public record CodeRow(
            String appId,
            String redirectUri,
            String codeChallenge,
            String scope,
            String family,
            boolean once,
            long expiresAt,
            Long usedAt) {}

    /** A device authorization; {@code state} is pending, approved, denied or used. */
    public record DeviceRow(
            byte[] hash, String appId, String scope, long expiresAt, String state, String grantedScope, boolean once) {}

    /** A new token to store: its hash, kind ("access" or "refresh") and expiry. */
    public record NewToken(byte[] hash, String kind, long expiresAt) {}

    private final Database database;

    public TokenStore(Database database) {
        this.database = database;
    }

    /** Stores new tokens of one family in one transaction. */
    public void insertTokens(String appId, String family, String scope, long now, NewToken... tokens) {
        database.writeOutsideJournal(connection -> {
            insert(connection, appId, family, scope, now, tokens);
            return null;
        });
    }

    public Optional<TokenRow> token(byte[] hash) {
        return database.read(connection -> token(connection, hash));
    }

    /**
     * Marks a refresh token used and stores the tokens that replace it, in one transaction, when it
     * was unused, unrevoked and of this app; returns the token as it was before, so that the
     * caller can tell why not. A token used before gets its whole family revoked (it was copied).
     * The replacements carry {@code scope}, the grant as it stands now.
     */
    public Optional<TokenRow> rotate(byte[] hash, String appId, long now, String scope, NewToken... replacements) {
        return database.writeOutsideJournal(connection -> {
            Optional<TokenRow> found = token(connection, hash);
            if (found.isEmpty()) {
                return found;
            }
            TokenRow row = found.get();
            if (!row.appId().equals(appId) || !"refresh".equals(row.kind()) || row.appRevoked()) {
                return found;
            }
            if (row.usedAt() != null) {
                revokeFamily(connection, row.family(), now);
                return found;
            }
            if (row.revokedAt() != null || row.expiresAt() <= now) {
                return found;
            }
            try (PreparedStatement use =
                    connection.prepareStatement("UPDATE app_tokens SET used_at = ? WHERE hash = ?")) {
                use.setLong(1, now);
                use.setBytes(2, hash);
                use.executeUpdate();
            }
            insert(connection, appId, row.family(), scope, now, replacements);
            return found;
        });
    }

    /** Whether a family of the app holds a token that is neither revoked nor expired, the app not revoked. */
    public boolean familyActive(String appId, String family, long now) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM app_tokens t JOIN apps a"
                    + " ON a.id = t.app_id WHERE t.family = ? AND t.app_id = ? AND t.revoked_at IS NULL"
                    + " AND t.used_at IS NULL AND t.expires_at > ? AND a.revoked_at IS NULL LIMIT 1")) {
                select.setString(1, family);
                select.setString(2, appId);
                select.setLong(3, now);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Revokes the family of a token (every token one authorization gave); false for an unknown token. */
    public boolean revokeFamilyOf(byte[] hash, String appId, long now) {
        return database.writeOutsideJournal(connection -> {
            Optional<TokenRow> row = token(connection, hash);
            if (row.isEmpty() || !row.get().appId().equals(appId)) {
                return false;
            }
            revokeFamily(connection, row.get().family(), now);
            return true;
        });
    }

    public void insertCode(byte[] hash, CodeRow code) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO authorization_codes"
                    + " (hash, app_id, redirect_uri, code_challenge, scope, family, expires_at, once)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setBytes(1, hash);
                insert.setString(2, code.appId());
                insert.setString(3, code.redirectUri());
                insert.setString(4, code.codeChallenge());
                insert.setString(5, code.scope());
                insert.setString(6, code.family());
                insert.setLong(7, code.expiresAt());
                insert.setBoolean(8, code.once());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Uses a code once: returns it as it was and marks it used, in one transaction. A code used
     * before has the tokens it gave revoked (RFC 6749 4.1.2: it was stolen or replayed).
     */
    public Optional<CodeRow> useCode(byte[] hash, long now) {
        return database.writeOutsideJournal(connection -> {
            CodeRow code;
            try (PreparedStatement select = connection.prepareStatement("SELECT app_id, redirect_uri, code_challenge,"
                    + " scope, family, expires_at, used_at, once FROM authorization_codes WHERE hash = ?")) {
                select.setBytes(1, hash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long used = rs.getLong(7);
                    Long usedAt = rs.wasNull() ? null : used;
                    code = new CodeRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(8),
                            rs.getLong(6),
                            usedAt);
                }
            }
            if (code.usedAt() != null) {
                revokeFamily(connection, code.family(), now);
            } else {
                try (PreparedStatement use =
                        connection.prepareStatement("UPDATE authorization_codes SET used_at = ? WHERE hash = ?")) {
                    use.setLong(1, now);
                    use.setBytes(2, hash);
                    use.executeUpdate();
                }
            }
            return Optional.of(code);
        });
    }

    public void insertDevice(byte[] hash, byte[] userCodeHash, String appId, String scope, long expiresAt) {
        database.writeOutsideJournal(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device_codes"
                    + " (hash, user_code_hash, app_id, scope, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setBytes(1, hash);
                insert.setBytes(2, userCodeHash);
                insert.setString(3, appId);
                insert.setString(4, scope);
                insert.setLong(5, expiresAt);
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<DeviceRow> deviceByUserCode(byte[] userCodeHash) {
        return database.read(connection -> device(connection, "user_code_hash", userCodeHash));
    }

    public Optional<DeviceRow> deviceByCode(byte[] hash) {
        return database.read(connection -> device(connection, "hash", hash));
    }

    /**
     * Records the owner's answer to a pending device authorization: the scope granted, or null for
     * a refusal; false when it is not pending (answered already, or gone).
     */
    public boolean answerDevice(byte[] hash, String grantedScope, boolean once) {
        return database.writeOutsideJournal(connection -> {
            try (PreparedStatement answer = connection.prepareStatement(
                    "UPDATE device_codes SET state = ?, granted_scope = ?, once = ? WHERE hash = ? AND state = 'pending'")) {
                answer.setString(1, grantedScope == null ? "denied" : "approved");
                answer.setString(2, grantedScope);
                answer.setBoolean(3, once);
                answer.setBytes(4, hash);
                return answer.executeUpdate() > 0;
            }
        });
    }

    /** Turns an approved device authorization into tokens, once: false when it was not approved or used already. */
    public boolean redeemDevice(byte[] hash, String family, long now, NewToken... tokens) {
        return database.writeOutsideJournal(connection -> {
            Optional<DeviceRow> device = device(connection, "hash", hash);
            if (device.isEmpty() || !"approved".equals(device.get().state())) {
                return false;
            }
            try (PreparedStatement use =
                    connection.prepareStatement("UPDATE device_codes SET state = 'used' WHERE hash = ?")) {
                use.setBytes(1, hash);
                use.executeUpdate();
            }
            insert(connection, device.get().appId(), family, device.get().grantedScope(), now, tokens);
            return true;
        });
    }

    private static Optional<DeviceRow> device(Connection connection, String column, byte[] value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT hash, app_id, scope, expires_at, state,"
                + " granted_scope, once FROM device_codes WHERE " + column + " = ?")) {
            select.setBytes(1, value);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeviceRow(
                        rs.getBytes(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)));
            }
        }
    }

    private static Optional<TokenRow> token(Connection connection, byte[] hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT t.app_id, t.kind, t.family, t.scope,"
                + " t.expires_at, t.used_at, t.revoked_at, a.revoked_at IS NOT NULL"
                + " FROM app_tokens t JOIN apps a ON a.id = t.app_id WHERE t.hash = ?")) {
            select.setBytes(1, hash);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long used = rs.getLong(6);
                Long usedAt = rs.wasNull() ? null : used;
                long revoked = rs.getLong(7);
                Long revokedAt = rs.wasNull() ? null : revoked;
                return Optional.of(new TokenRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        usedAt,
                        revokedAt,
                        rs.getBoolean(8)));
            }
        }
    }

    private static void insert(
            Connection connection, String appId, String family, String scope, long now, NewToken... tokens)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO app_tokens"
                + " (hash, app_id, kind, family, scope, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewToken token : tokens) {
                insert.setBytes(1, token.hash());
                insert.setString(2, appId);
                insert.setString(3, token.kind());
                insert.setString(4, family);
                insert.setString(5, scope);
                insert.setLong(6, now);
                insert.setLong(7, token.expiresAt());
                insert.executeUpdate();
            }
        }
    }

    private static void revokeFamily(Connection connection, String family, long now) throws SQLException {
        try (PreparedStatement revoke = connection.prepareStatement(
                "UPDATE app_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL")) {
            revoke.setLong(1, now);
            revoke.setString(2, family);
            revoke.executeUpdate();
        }
    }
}
