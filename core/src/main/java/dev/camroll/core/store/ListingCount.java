package dev.camroll.core.store;

import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The totalCount of a listing, exact and without counting every matching row where counters can
 * answer: {@code asset_counts} (per folder and media type) for a query without dates, the day
 * counters ({@code asset_day_counts}, {@code album_day_counts}) plus a count of the two partial
 * days through the creation-time index for a created-after/before range. Favorites and subtypes
 * have no counters: their rows are counted. The counters count every asset, so they answer for the
 * owner's scope only; any other scope has its visible rows counted.
 */
final class ListingCount {
    static final long DAY_MILLIS = 86_400_000L;
    /** Bounds beyond this are far outside any real date; they are counted row by row. */
    private static final long FAR = 1L << 52;

    private final Scope scope;
    private final ListingSpec spec;
    private final List<Object> parameters = new ArrayList<>();

    private ListingCount(Scope scope, ListingSpec spec) {
        this.scope = scope;
        this.spec = ScopeSql.narrowed(scope, spec);
    }

    /**
     * How many assets the scope sees that match the filters of the spec (its position and limit do
     * not count).
     */
    static long count(Connection connection, Scope scope, ListingSpec spec) throws SQLException {
        return new ListingCount(scope, spec).count(connection);
    }

    private long count(Connection connection) throws SQLException {
        if (spec.mediaTypes().isEmpty()) {
            return 0;
        }
        boolean counted = countersAnswer(scope, spec);
        Long after = spec.createdAfter();
        Long before = spec.createdBefore();
        if (!counted) {
            return rowCount(connection, after, before);
        }
        if (after == null && before == null) {
            StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(n), 0) FROM asset_counts WHERE ");
            appendFolderAndTypes(sql);
            return single(connection, sql.toString());
        }
        if ((after != null && Math.abs(after) > FAR) || (before != null && Math.abs(before) > FAR)) {
            return rowCount(connection, after, before);
        }
        // Days lowDay < day < highDay lie wholly inside (after, before); the rows of the two days at
        // the ends are counted through the creation-time index.
        Long lowDay = after == null ? null : Math.floorDiv(after, DAY_MILLIS);
        Long highDay = before == null ? null : Math.floorDiv(before, DAY_MILLIS);
        if (lowDay != null && highDay != null && highDay - lowDay < 2) {
            return rowCount(connection, after, before);
        }
        long total = wholeDays(connection, lowDay, highDay);
        if (lowDay != null) {
            total += rowCount(connection, after, (lowDay + 1) * DAY_MILLIS);
        }
        if (highDay != null) {
            total += rowCount(connection, highDay * DAY_MILLIS - 1, before);
        }
        return total;
    }

    /**
     * Whether the counters can answer for a spec: the owner's scope, all assets or a folder, and no
     * condition on other fields than the creation time's bounds.
     */
    static boolean countersAnswer(Scope scope, ListingSpec spec) {
        return ScopeSql.countersAnswer(scope, spec.mediaTypes())
                && (spec.filter() instanceof AssetFilter.All || spec.filter() instanceof AssetFilter.InFolder)
                && spec.conditions().isEmpty();
    }

    private long wholeDays(Connection connection, Long lowDay, Long highDay) throws SQLException {
        parameters.clear();
        boolean inFolder = spec.filter() instanceof AssetFilter.InFolder;
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(n), 0) FROM ")
                .append(inFolder ? "album_day_counts" : "asset_day_counts")
                .append(" WHERE ");
        appendFolderAndTypes(sql);
        if (lowDay != null) {
            sql.append(" AND day > ?");
            parameters.add(lowDay);
        }
        if (highDay != null) {
            sql.append(" AND day < ?");
            parameters.add(highDay);
        }
        return single(connection, sql.toString());
    }

    /** A count of the rows created in (after, before), either bound null for none. */
    private long rowCount(Connection connection, Long after, Long before) throws SQLException {
        parameters.clear();
        var view = ScopeSql.view(scope);
        if (view.isPresent() && !(spec.filter() instanceof AssetFilter.InFolder)) {
            return viewCount(connection, view.get(), after, before);
        }
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM assets WHERE ");
        appendRowConditions(sql, parameters, scope, spec, after, before);
        return single(connection, sql.toString());
    }

    /**
     * A count over an app's view (a limited or add-only app): from the view's counters when only
     * media types narrow it, else over its rows.
     */
    private long viewCount(Connection connection, ScopeSql.ViewScan view, Long after, Long before) throws SQLException {
        var types = ScopeSql.typesBeside(scope, view);
        if (types.isPresent()
                && after == null
                && before == null
                && spec.filter() instanceof AssetFilter.All
                && spec.conditions().isEmpty()) {
            // Media type codes are literals, as in ScopeSql; 0 is no type's and keeps the list whole.
            StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(n), 0) FROM app_view_counts c WHERE ")
                    .append(view.rowsOf("c"))
                    .append(" AND c.type IN (0");
            for (MediaType type : spec.mediaTypes()) {
                if (types.get().contains(type)) {
                    sql.append(", ").append(MediaTypeCode.of(type));
                }
            }
            return single(connection, sql.append(')').toString());
        }
        String sql = viewRows("COUNT(*)", parameters, scope, spec, view, after, before);
        return sql == null ? 0 : single(connection, sql);
    }

    /**
     * "SELECT what FROM" the rows of an app's view that match the spec and were created in (after,
     * before), either bound null for none; each row is read in the assets table (alias {@code
     * assets}; the view's alias is {@code v}) only when a condition needs a column the view does not
     * keep. Null when no media type of the spec is allowed.
     */
    static String viewRows(
            String what,
            List<Object> parameters,
            Scope scope,
            ListingSpec spec,
            ScopeSql.ViewScan view,
            Long after,
            Long before) {
        StringBuilder sql = new StringBuilder("SELECT ").append(what).append(" FROM app_view_assets v");
        var types = ScopeSql.typesBeside(scope, view);
        boolean viewAlone = types.isPresent()
                && spec.filter() instanceof AssetFilter.All
                && spec.conditions().isEmpty();
        if (!viewAlone) {
            sql.append(" CROSS JOIN assets ON assets.id = v.asset");
        }
        sql.append(" WHERE ").append(view.rowsOf("v")).append(" AND v.type IN (");
        boolean first = true;
        for (MediaType type : spec.mediaTypes()) {
            if (types.isEmpty() || types.get().contains(type)) {
                sql.append(first ? "?" : ", ?");
                parameters.add(MediaTypeCode.of(type));
                first = false;
            }
        }
        if (first) {
            return null;
        }
        sql.append(')');
        if (!viewAlone) {
            if (spec.filter() instanceof AssetFilter.InFolder(long albumRowId)) {
                sql.append(" AND assets.album_id = ?");
                parameters.add(albumRowId);
            }
            sql.append(ScopeSql.andBeside(scope, view, "assets"));
            appendFilter(sql, parameters, spec);
        }
        if (after != null) {
            sql.append(" AND v.created > ?");
            parameters.add(after);
        }
        if (before != null) {
            sql.append(" AND v.created < ?");
            parameters.add(before);
        }
        return sql.toString();
    }

    /**
     * The conditions of the spec's rows created in (after, before), either bound null for none:
     * folder, media types, scope, the album's rule and the field conditions (position and limit
     * aside).
     */
    static void appendRowConditions(
            StringBuilder sql, List<Object> parameters, Scope scope, ListingSpec spec, Long after, Long before) {
        appendFolderAndTypes(sql, parameters, spec);
        sql.append(ScopeSql.and(scope, "assets"));
        appendFilter(sql, parameters, spec);
        if (after != null) {
            sql.append(" AND creation_time > ?");
            parameters.add(after);
        }
        if (before != null) {
            sql.append(" AND creation_time < ?");
            parameters.add(before);
        }
    }

    /** The filter's condition and the field conditions (a folder aside: it leads the statement). */
    private static void appendFilter(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        switch (spec.filter()) {
            case AssetFilter.Favorites favorites -> sql.append(" AND is_favorite = 1");
            case AssetFilter.InMoment(long momentRowId) -> {
                sql.append(" AND ").append(MomentStore.holdsCondition());
                parameters.add(momentRowId);
            }
            case AssetFilter.WithSubtype(var subtype) -> {
                sql.append(" AND (',' || subtypes || ',') LIKE ?");
                parameters.add("%," + subtype.wireName() + ",%");
            }
            case AssetFilter.OfMediaType(var mediaType) -> {
                sql.append(" AND media_type = ?");
                parameters.add(MediaTypeCode.of(mediaType));
            }
            default -> {}
        }
        FieldConditions.append(sql, parameters, spec.conditions());
    }

    private void appendFolderAndTypes(StringBuilder sql) {
        appendFolderAndTypes(sql, parameters, spec);
    }

    /** The folder (when the filter is one) and the media types. */
    static void appendFolderAndTypes(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        if (spec.filter() instanceof AssetFilter.InFolder(long albumRowId)) {
            sql.append("album_id = ? AND ");
            parameters.add(albumRowId);
        }
        sql.append("media_type IN (");
        boolean first = true;
        for (MediaType type : spec.mediaTypes()) {
            sql.append(first ? "?" : ", ?");
            parameters.add(MediaTypeCode.of(type));
            first = false;
        }
        sql.append(')');
    }

    private long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            AssetListing.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
