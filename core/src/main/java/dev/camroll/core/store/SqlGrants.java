package dev.camroll.core.store;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.PermissionStatus;
import dev.camroll.core.access.AppCapability;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ChangeRequest;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.GrantStore;
import dev.camroll.core.access.Selection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The grants of apps, their selections, what they created and their consent requests, in the index. */
public final class SqlGrants implements GrantStore {
    private static final String GRANT_COLUMNS = "status, privileges, media_types, write_only, location, expires_at,"
            + " can_ask_again, denials, capabilities, latest_selection, version";

    private final Database database;
    private final ChangeRequestRows changes;
    private final ConsentRequestRows requests;

    public SqlGrants(Database database) {
        this.database = database;
        this.changes = new ChangeRequestRows(database);
        this.requests = new ConsentRequestRows(database);
    }

    @Override
    public void openChange(ChangeRequest request) {
        changes.open(request);
    }

    @Override
    public Optional<ChangeRequest> change(String id) {
        return changes.find(id);
    }

    @Override
    public List<ChangeRequest> pendingChanges() {
        return changes.pending();
    }

    @Override
    public boolean answerChange(String id, Instant answeredAt, boolean confirmed) {
        return changes.answer(id, answeredAt, confirmed);
    }

    @Override
    public Optional<Grant> find(AppId app) {
        return database.read(connection -> find(connection, app));
    }

    private static Optional<Grant> find(Connection connection, AppId app) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + GRANT_COLUMNS + " FROM app_grants WHERE app_id = ?")) {
            select.setString(1, app.value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long expires = rs.getLong(6);
                Optional<Instant> expiry = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
                return Optional.of(new Grant(
                        PermissionStatus.fromWireName(rs.getString(1)),
                        AccessPrivileges.fromWireName(rs.getString(2)),
                        names(rs.getString(3), GranularPermission.class, GranularPermission::wireName),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        expiry,
                        rs.getBoolean(7),
                        rs.getInt(8),
                        names(rs.getString(9), AppCapability.class, AppCapability::wireName),
                        rs.getLong(10),
                        rs.getLong(11)));
            }
        }
    }

    @Override
    public Grant save(AppId app, Grant grant, Optional<Selection> selection) {
        return database.write(connection -> save(connection, app, grant, selection));
    }

    @Override
    public Optional<Grant> answer(String requestId, Instant answeredAt, Grant grant, Optional<Selection> selection) {
        return database.write(connection -> {
            Optional<ConsentRequest> request = ConsentRequestRows.find(connection, requestId);
            if (request.isEmpty() || !ConsentRequestRows.markAnswered(connection, requestId, answeredAt)) {
                return Optional.empty();
            }
            return Optional.of(save(connection, request.get().app(), grant, selection));
        });
    }

    private static Grant save(Connection connection, AppId app, Grant grant, Optional<Selection> selection)
            throws SQLException {
        long version = generation(connection);
        long latestSelection = find(connection, app).map(Grant::latestSelection).orElse(0L);
        if (selection.isPresent()) {
            latestSelection = select(connection, app, selection.get(), latestSelection + 1);
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO app_grants (app_id, "
                + GRANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, app.value());
            upsert.setString(2, grant.status().wireName());
            upsert.setString(3, grant.privileges().wireName());
            upsert.setString(4, text(grant.mediaTypes(), GranularPermission::wireName));
            upsert.setBoolean(5, grant.writeOnly());
            upsert.setBoolean(6, grant.location());
            if (grant.expires().isPresent()) {
                upsert.setLong(7, grant.expires().get().toEpochMilli());
            } else {
                upsert.setNull(7, Types.INTEGER);
            }
            upsert.setBoolean(8, grant.canAskAgain());
            upsert.setInt(9, grant.denials());
            upsert.setString(10, text(grant.capabilities(), AppCapability::wireName));
            upsert.setLong(11, latestSelection);
            upsert.setLong(12, version);
            upsert.executeUpdate();
        }
        return grant.at(version, latestSelection);
    }

    /**
     * Puts a new selection in place of the old one: rows kept keep their number, new rows get
     * {@code number}. The latest selection number: {@code number}, or 0 for an empty selection.
     */
    private static long select(Connection connection, AppId app, Selection selection, long number) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<Long> folders = new ArrayList<>();
        try (PreparedStatement asset = connection.prepareStatement("SELECT 1 FROM assets WHERE public_id = ?"
                        + " UNION ALL SELECT 1 FROM trash WHERE public_id = ?");
                PreparedStatement album = connection.prepareStatement("SELECT id FROM albums WHERE public_id = ?")) {
            for (String id : selection.assetIds()) {
                asset.setString(1, id);
                asset.setString(2, id);
                try (ResultSet rs = asset.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(id);
                    }
                }
            }
            for (String id : selection.albumIds()) {
                album.setString(1, id);
                try (ResultSet rs = album.executeQuery()) {
                    if (rs.next()) {
                        folders.add(rs.getLong(1));
                    } else {
                        missing.add(id);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("selection", missing);
        }
        replace(
                connection,
                "app_selected_assets",
                "public_id",
                app,
                selection.assetIds(),
                number,
                PreparedStatement::setString);
        replace(connection, "app_selected_albums", "album_id", app, folders, number, PreparedStatement::setLong);
        return selection.assetIds().isEmpty() && selection.albumIds().isEmpty() ? 0 : number;
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, int index, T value) throws SQLException;
    }

    private static <T> void replace(
            Connection connection,
            String table,
            String column,
            AppId app,
            Collection<T> values,
            long number,
            Binder<T> binder)
            throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE " + table + " SET selection = -selection WHERE app_id = ?");
                PreparedStatement keep = connection.prepareStatement("INSERT INTO " + table + " (app_id, " + column
                        + ", selection) VALUES (?1, ?2, ?3) ON CONFLICT (app_id, " + column
                        + ") DO UPDATE SET selection = -selection");
                PreparedStatement drop =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE app_id = ? AND selection < 0")) {
            // Rows of the old selection are marked (negated), those chosen again unmarked, the rest dropped.
            mark.setString(1, app.value());
            mark.executeUpdate();
            for (T value : values) {
                keep.setString(1, app.value());
                binder.bind(keep, 2, value);
                keep.setLong(3, number);
                keep.executeUpdate();
            }
            drop.setString(1, app.value());
            drop.executeUpdate();
        }
    }

    @Override
    public Selection selection(AppId app) {
        return database.read(connection -> new Selection(
                strings(connection, "SELECT public_id FROM app_selected_assets WHERE app_id = ?", app),
                strings(
                        connection,
                        "SELECT al.public_id FROM app_selected_albums s JOIN albums al ON al.id = s.album_id"
                                + " WHERE s.app_id = ?",
                        app)));
    }

    @Override
    public void recordCreated(AppId app, String assetId) {
        database.write(connection -> {
            recordCreated(connection, app, assetId);
            return null;
        });
    }

    /** Records a created asset within a running write transaction (the one that wrote its row). */
    public static void recordCreated(Connection connection, AppId app, String assetId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO app_created_assets (app_id, public_id) VALUES (?, ?)")) {
            insert.setString(1, app.value());
            insert.setString(2, assetId);
            insert.executeUpdate();
        }
    }

    @Override
    public boolean created(AppId app, String assetId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM app_created_assets WHERE app_id = ? AND public_id = ?")) {
                select.setString(1, app.value());
                select.setString(2, assetId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public ConsentRequest open(ConsentRequest request) {
        return requests.open(request);
    }

    @Override
    public Optional<ConsentRequest> request(String id) {
        return requests.find(id);
    }

    @Override
    public List<ConsentRequest> pending() {
        return requests.pending();
    }

    private static long generation(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT generation FROM library_state");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> strings(Connection connection, String sql, AppId app) throws SQLException {
        Set<String> values = new java.util.LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, app.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    static <E extends Enum<E>> String text(Set<E> values, Function<E, String> name) {
        return values.stream().sorted().map(name).collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> names(String text, Class<E> type, Function<E, String> name) {
        Set<E> values = EnumSet.noneOf(type);
        for (String part : text.split(",")) {
            for (E value : type.getEnumConstants()) {
                if (name.apply(value).equals(part)) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
