package dev.camroll.core.store;

import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The consent requests of apps in the index, one pending per app: a request that asks what the
 * pending one asks joins it, one that asks something else replaces it (the old one answered and
 * naming its successor, so that its waiters follow).
 */
final class ConsentRequestRows {
    private static final String COLUMNS =
            "id, app_id, kind, write_only, media_types, created_at, answered_at, superseded_by";

    private final Database database;

    ConsentRequestRows(Database database) {
        this.database = database;
    }

    ConsentRequest open(ConsentRequest request) {
        return database.write(connection -> {
            if (request.pending()) {
                List<ConsentRequest> waiting = pendingOf(connection, request.app());
                Optional<ConsentRequest> same =
                        waiting.stream().filter(request::asksAs).reduce((older, newer) -> newer);
                ConsentRequest standing = same.orElse(request);
                for (ConsentRequest other : waiting) {
                    if (!other.id().equals(standing.id())) {
                        supersede(connection, other.id(), standing.id(), request.createdAt());
                    }
                }
                if (same.isPresent()) {
                    return same.get();
                }
            }
            insert(connection, request);
            return request;
        });
    }

    Optional<ConsentRequest> find(String id) {
        return database.read(connection -> find(connection, id));
    }

    static Optional<ConsentRequest> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM consent_requests WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(request(rs)) : Optional.empty();
            }
        }
    }

    /** Marks a pending request answered; false when it was not pending. */
    static boolean markAnswered(Connection connection, String id, Instant answeredAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE consent_requests SET answered_at = ? WHERE id = ? AND answered_at IS NULL")) {
            update.setLong(1, answeredAt.toEpochMilli());
            update.setString(2, id);
            return update.executeUpdate() == 1;
        }
    }

    List<ConsentRequest> pending() {
        return database.read(connection -> {
            List<ConsentRequest> requests = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                            + " FROM consent_requests WHERE answered_at IS NULL ORDER BY created_at");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    requests.add(request(rs));
                }
            }
            return requests;
        });
    }

    private static List<ConsentRequest> pendingOf(Connection connection, AppId app) throws SQLException {
        List<ConsentRequest> requests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM consent_requests WHERE app_id = ? AND answered_at IS NULL ORDER BY created_at")) {
            select.setString(1, app.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    requests.add(request(rs));
                }
            }
        }
        return requests;
    }

    private static void supersede(Connection connection, String id, String by, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE consent_requests SET answered_at = ?, superseded_by = ? WHERE id = ? AND answered_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, by);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private static void insert(Connection connection, ConsentRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO consent_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, request.id());
            insert.setString(2, request.app().value());
            insert.setString(3, request.kind().name().toLowerCase(Locale.ROOT));
            insert.setBoolean(4, request.writeOnly());
            insert.setString(5, SqlGrants.text(request.granular(), GranularPermission::wireName));
            insert.setLong(6, request.createdAt().toEpochMilli());
            if (request.answeredAt().isPresent()) {
                insert.setLong(7, request.answeredAt().get().toEpochMilli());
            } else {
                insert.setNull(7, Types.INTEGER);
            }
            insert.setString(8, request.supersededBy().orElse(null));
            insert.executeUpdate();
        }
    }

    private static ConsentRequest request(ResultSet rs) throws SQLException {
        long answered = rs.getLong(7);
        Optional<Instant> answeredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(answered));
        return new ConsentRequest(
                rs.getString(1),
                new AppId(rs.getString(2)),
                ConsentRequest.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                rs.getBoolean(4),
                SqlGrants.names(rs.getString(5), GranularPermission.class, GranularPermission::wireName),
                Instant.ofEpochMilli(rs.getLong(6)),
                answeredAt,
                Optional.ofNullable(rs.getString(8)));
    }
}
