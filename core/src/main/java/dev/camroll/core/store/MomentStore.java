package dev.camroll.core.store;

import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The SQL of moments (V13): the moments, which moment holds each photo and video, and the queue of
 * assets whose moment may have changed, which triggers fill on every write of any process. The
 * grouping itself is core/moments'; these are the reads and writes it needs, each on the
 * connection of its transaction.
 */
public final class MomentStore {
    /** Photos and videos: what a camera roll's moments hold. */
    private static final String GROUPED_TYPES = "media_type IN (1, 2)";

    private static final String MOMENT_COLUMNS =
            "id, public_id, start_time, end_time, asset_count, latitude, longitude,"
                    + " last_latitude, last_longitude, location_names";

    private MomentStore() {}

    /**
     * What a reader needs to know first, in one statement: whether the moments were computed, how
     * many assets wait in the queue, and the version of the moments.
     */
    public static State state(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT computed, (SELECT COUNT(*) FROM moment_queue), version FROM moment_state")) {
            rs.next();
            return new State(rs.getInt(1) == 1, rs.getInt(2), rs.getLong(3));
        }
    }

    /** Marks the moments as changed (a new version), at the end of each update. */
    public static void changed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE moment_state SET version = version + 1");
        }
    }

    /** See {@link #state}. */
    public record State(boolean computed, int queued, long version) {}

    /** The row ids of the assets in the queue. */
    public static List<Long> queue(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT asset_id FROM moment_queue")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Forgets the queue and every moment: the start of a whole grouping. */
    public static void clearAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM moment_queue");
            statement.executeUpdate("DELETE FROM moment_assets");
            statement.executeUpdate("DELETE FROM moments");
            statement.executeUpdate("UPDATE moment_state SET computed = 1");
        }
    }

    public static void dequeue(Connection connection, Collection<Long> assetIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM moment_queue WHERE asset_id = ?")) {
            for (long id : assetIds) {
                statement.setLong(1, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every photo and video in time order, handed over one by one (a library may hold millions). */
    public static void eachPoint(Connection connection, Consumer<MomentPoint> sink) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, creation_time, latitude, longitude FROM assets WHERE "
                        + GROUPED_TYPES + " ORDER BY creation_time, id")) {
            while (rs.next()) {
                sink.accept(point(rs));
            }
        }
    }

    /** The photos and videos taken from {@code from} to {@code to} (both included), in time order. */
    public static List<MomentPoint> pointsBetween(Connection connection, long from, long to) throws SQLException {
        List<MomentPoint> points = new ArrayList<>();
        // One range of the creation-time index per media type, merged in order without a sort.
        String range = "SELECT id, creation_time, latitude, longitude FROM assets INDEXED BY assets_by_creation"
                + " WHERE media_type = %d AND creation_time BETWEEN ? AND ?";
        try (PreparedStatement statement = connection.prepareStatement(
                range.formatted(1) + " UNION ALL " + range.formatted(2) + " ORDER BY 2, 1")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            statement.setLong(3, from);
            statement.setLong(4, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    points.add(point(rs));
                }
            }
        }
        return points;
    }

    /** The assets' grouping points now; an asset gone (or no longer a photo or video) is absent. */
    public static Map<Long, MomentPoint> currentPoints(Connection connection, Collection<Long> assetIds)
            throws SQLException {
        Map<Long, MomentPoint> points = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, creation_time, latitude, longitude FROM assets WHERE id = ? AND " + GROUPED_TYPES)) {
            for (long id : assetIds) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        points.put(id, point(rs));
                    }
                }
            }
        }
        return points;
    }

    /** Where the assets were grouped: their moment's row id and the point they were grouped by. */
    public static Map<Long, Membership> memberships(Connection connection, Collection<Long> assetIds)
            throws SQLException {
        Map<Long, Membership> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT moment_id, asset_id, creation_time, latitude, longitude FROM moment_assets WHERE asset_id = ?")) {
            for (long id : assetIds) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        long moment = rs.getLong(1);
                        found.put(id, new Membership(moment, pointAt(rs, 2)));
                    }
                }
            }
        }
        return found;
    }

    /** Every asset's moment, handed over as (asset row id, moment row id). */
    public static void eachMembership(Connection connection, BiConsumer<Long, Long> sink) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT asset_id, moment_id FROM moment_assets")) {
            while (rs.next()) {
                sink.accept(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    public static List<MomentRow> byRowIds(Connection connection, Collection<Long> rowIds) throws SQLException {
        List<MomentRow> rows = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + MOMENT_COLUMNS + " FROM moments WHERE id = ?")) {
            for (long rowId : rowIds) {
                statement.setLong(1, rowId);
                rows.addAll(moments(statement));
            }
        }
        return rows;
    }

    /** The first asset of a moment in time order (then row id), or null for an empty one. */
    public static MomentPoint firstPoint(Connection connection, long momentRowId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT asset_id, creation_time, latitude,"
                + " longitude FROM moment_assets WHERE moment_id = ? ORDER BY creation_time, asset_id LIMIT 1")) {
            statement.setLong(1, momentRowId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? point(rs) : null;
            }
        }
    }

    /** The moments whose span, widened by {@code margin} on both sides, meets [from, to]. */
    public static List<MomentRow> overlapping(Connection connection, long from, long to, long margin)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + MOMENT_COLUMNS + " FROM moments WHERE start_time <= ? AND end_time >= ?")) {
            statement.setLong(1, to + margin);
            statement.setLong(2, from - margin);
            return moments(statement);
        }
    }

    /** The moment that ends last before {@code time}, if any. */
    public static Optional<MomentRow> endingBefore(Connection connection, long time) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + MOMENT_COLUMNS
                + " FROM moments WHERE end_time < ? ORDER BY end_time DESC, id DESC LIMIT 1")) {
            statement.setLong(1, time);
            return moments(statement).stream().findFirst();
        }
    }

    /** The moment that starts first after {@code time}, if any. */
    public static Optional<MomentRow> startingAfter(Connection connection, long time) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + MOMENT_COLUMNS + " FROM moments WHERE start_time > ? ORDER BY start_time, id LIMIT 1")) {
            statement.setLong(1, time);
            return moments(statement).stream().findFirst();
        }
    }

    /** The row ids of the assets each moment holds. */
    public static Map<Long, List<Long>> members(Connection connection, Collection<Long> momentIds) throws SQLException {
        Map<Long, List<Long>> members = new HashMap<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT asset_id FROM moment_assets WHERE moment_id = ?")) {
            for (long moment : momentIds) {
                List<Long> ids = new ArrayList<>();
                statement.setLong(1, moment);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                members.put(moment, ids);
            }
        }
        return members;
    }

    /** Removes moments and what they held. */
    public static void deleteMoments(Connection connection, Collection<Long> momentIds) throws SQLException {
        try (PreparedStatement assets = connection.prepareStatement("DELETE FROM moment_assets WHERE moment_id = ?");
                PreparedStatement moments = connection.prepareStatement("DELETE FROM moments WHERE id = ?")) {
            for (long moment : momentIds) {
                assets.setLong(1, moment);
                assets.executeUpdate();
                moments.setLong(1, moment);
                moments.executeUpdate();
            }
        }
    }

    /** Forgets where assets that are gone were grouped. */
    public static void forget(Connection connection, Collection<Long> assetIds) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM moment_assets WHERE asset_id = ?")) {
            for (long id : assetIds) {
                statement.setLong(1, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Writes of moments on one transaction's connection, each statement prepared once. */
    public static Writes writes(Connection connection) {
        return new Writes(connection);
    }

    /** See {@link #writes}. */
    public static final class Writes implements AutoCloseable {
        private final Connection connection;
        private PreparedStatement insert;
        private PreparedStatement update;
        private PreparedStatement release;
        private PreparedStatement hold;

        private Writes(Connection connection) {
            this.connection = connection;
        }

        /** A new moment holding {@code points}, with this public id or, when null, a new one; its row id. */
        public long insert(String publicId, MomentSummary summary, List<MomentPoint> points) throws SQLException {
            if (insert == null) {
                insert = connection.prepareStatement(
                        "INSERT INTO moments (public_id, start_time, end_time, asset_count, latitude, longitude,"
                                + " last_latitude, last_longitude, location_names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
            }
            insert.setString(1, publicId != null ? publicId : MomentIds.PREFIX + PublicIds.next());
            bindSummary(insert, 2, summary);
            insert.executeUpdate();
            long rowId;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                rowId = keys.getLong(1);
            }
            hold(rowId, points);
            return rowId;
        }

        /** A kept moment (its id stays) given its new assets and summary. */
        public void replace(long rowId, MomentSummary summary, List<MomentPoint> points) throws SQLException {
            if (update == null) {
                update = connection.prepareStatement(
                        "UPDATE moments SET start_time = ?, end_time = ?, asset_count = ?, latitude = ?, longitude = ?,"
                                + " last_latitude = ?, last_longitude = ?, location_names = ? WHERE id = ?");
                release = connection.prepareStatement("DELETE FROM moment_assets WHERE moment_id = ?");
            }
            bindSummary(update, 1, summary);
            update.setLong(9, rowId);
            update.executeUpdate();
            release.setLong(1, rowId);
            release.executeUpdate();
            hold(rowId, points);
        }

        private void hold(long rowId, List<MomentPoint> points) throws SQLException {
            if (hold == null) {
                hold = connection.prepareStatement(
                        "INSERT OR REPLACE INTO moment_assets (asset_id, moment_id, creation_time, latitude, longitude)"
                                + " VALUES (?, ?, ?, ?, ?)");
            }
            for (MomentPoint point : points) {
                hold.setLong(1, point.assetId());
                hold.setLong(2, rowId);
                hold.setLong(3, point.creationTime());
                setDouble(hold, 4, point.latitude());
                setDouble(hold, 5, point.longitude());
                hold.addBatch();
            }
            hold.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : new PreparedStatement[] {insert, update, release, hold}) {
                if (statement != null) {
                    statement.close();
                }
            }
        }
    }

    /** Every moment, oldest first. */
    public static List<MomentRow> all(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + MOMENT_COLUMNS + " FROM moments ORDER BY start_time, id")) {
            return moments(statement);
        }
    }

    /** The moment with this public id that holds an asset the scope sees. */
    public static Optional<MomentRow> byPublicId(Connection connection, Scope scope, String publicId)
            throws SQLException {
        String visible = ScopeSql.and(scope, "a");
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + MOMENT_COLUMNS
                + " FROM moments WHERE public_id = ?"
                + (visible.isEmpty()
                        ? ""
                        : " AND EXISTS (SELECT 1 FROM moment_assets m CROSS JOIN assets a ON a.id = m.asset_id"
                                + " WHERE m.moment_id = moments.id" + visible + ")"))) {
            statement.setString(1, publicId);
            return moments(statement).stream().findFirst();
        }
    }

    /**
     * The assets of each moment that {@code scope} sees, as grouping points, keyed by the moment's
     * row id: a scope that does not see everything counts and places its moments by these.
     */
    public static Map<Long, List<MomentPoint>> visibleMembers(Connection connection, Scope scope) throws SQLException {
        Map<Long, List<MomentPoint>> visible = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT m.moment_id, a.id, a.creation_time, a.latitude, a.longitude FROM moment_assets m"
                                + " CROSS JOIN assets a ON a.id = m.asset_id WHERE 1" + ScopeSql.and(scope, "a"))) {
            while (rs.next()) {
                visible.computeIfAbsent(rs.getLong(1), moment -> new ArrayList<>())
                        .add(pointAt(rs, 2));
            }
        }
        return visible;
    }

    /** The condition on {@code assets.id} of the assets a moment holds, for listings. */
    static String holdsCondition() {
        return "id IN (SELECT asset_id FROM moment_assets WHERE moment_id = ?)";
    }

    private static List<MomentRow> moments(PreparedStatement statement) throws SQLException {
        List<MomentRow> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String names = rs.getString(10);
                rows.add(new MomentRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        getDouble(rs, 6),
                        getDouble(rs, 7),
                        getDouble(rs, 8),
                        getDouble(rs, 9),
                        names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split("\n"))));
            }
        }
        return rows;
    }

    private static void bindSummary(PreparedStatement statement, int first, MomentSummary summary) throws SQLException {
        statement.setLong(first, summary.startTime());
        statement.setLong(first + 1, summary.endTime());
        statement.setInt(first + 2, summary.assetCount());
        setDouble(statement, first + 3, summary.latitude());
        setDouble(statement, first + 4, summary.longitude());
        setDouble(statement, first + 5, summary.lastLatitude());
        setDouble(statement, first + 6, summary.lastLongitude());
        statement.setString(first + 7, String.join("\n", summary.locationNames()));
    }

    private static MomentPoint point(ResultSet rs) throws SQLException {
        return pointAt(rs, 1);
    }

    /** A point from four columns from {@code first}: row id, creation time, latitude, longitude. */
    private static MomentPoint pointAt(ResultSet rs, int first) throws SQLException {
        Double latitude = getDouble(rs, first + 2);
        Double longitude = getDouble(rs, first + 3);
        if (latitude == null || longitude == null) {
            latitude = null;
            longitude = null;
        }
        return new MomentPoint(rs.getLong(first), rs.getLong(first + 1), latitude, longitude);
    }

    private static Double getDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Where an asset was grouped: its moment and the point it was grouped by. */
    public record Membership(long momentRowId, MomentPoint point) {}
}
