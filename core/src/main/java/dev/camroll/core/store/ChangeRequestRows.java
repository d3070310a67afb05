package dev.camroll.core.store;

import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ChangeOperation;
import dev.camroll.core.access.ChangeRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The change requests of apps waiting for the owner's confirmation, in the index. */
final class ChangeRequestRows {
    private static final String COLUMNS =
            "id, app_id, operation, asset_ids, album_id, flag, created_at, answered_at, confirmed";

    private final Database database;

    ChangeRequestRows(Database database) {
        this.database = database;
    }

    void open(ChangeRequest request) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO change_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
                insert.setString(1, request.id());
                insert.setString(2, request.app().value());
                insert.setString(3, request.operation().name());
                insert.setString(4, String.join("\n", request.assetIds()));
                if (request.albumId().isPresent()) {
                    insert.setString(5, request.albumId().get());
                } else {
                    insert.setNull(5, Types.VARCHAR);
                }
                insert.setBoolean(6, request.flag());
                insert.setLong(7, request.createdAt().toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    Optional<ChangeRequest> find(String id) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM change_requests WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    List<ChangeRequest> pending() {
        return database.read(connection -> {
            List<ChangeRequest> requests = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                            + " FROM change_requests WHERE answered_at IS NULL ORDER BY created_at");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    requests.add(read(rs));
                }
            }
            return requests;
        });
    }

    boolean answer(String id, Instant answeredAt, boolean confirmed) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE change_requests"
                    + " SET answered_at = ?, confirmed = ? WHERE id = ? AND answered_at IS NULL")) {
                update.setLong(1, answeredAt.toEpochMilli());
                update.setBoolean(2, confirmed);
                update.setString(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static ChangeRequest read(ResultSet rs) throws SQLException {
        String ids = rs.getString(4);
        long answered = rs.getLong(8);
        Optional<Instant> answeredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(answered));
        boolean confirmed = rs.getBoolean(9);
        Optional<Boolean> outcome = rs.wasNull() ? Optional.empty() : Optional.of(confirmed);
        return new ChangeRequest(
                rs.getString(1),
                new AppId(rs.getString(2)),
                ChangeOperation.valueOf(rs.getString(3)),
                ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n")),
                Optional.ofNullable(rs.getString(5)),
                rs.getBoolean(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                answeredAt,
                outcome);
    }
}
