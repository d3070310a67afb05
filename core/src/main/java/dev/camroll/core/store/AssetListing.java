package dev.camroll.core.store;

import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and runs the SQL of one page of assets.
 *
 * <p>Paging is keyset-based: the page after a position is "rows sorted after (values, id)", so a
 * page is found through an index range whatever its depth, and rows added or removed before the
 * position do not shift later pages. Each asked media type is read through its own index range
 * (the indexes lead with media_type) and the ranges are merged by a UNION ALL of at most
 * {@code limit} rows each: an {@code IN} list would make SQLite sort every matching row.
 */
final class AssetListing {
    private final ListingSpec spec;
    private final List<Object> parameters = new ArrayList<>();

    private AssetListing(ListingSpec spec) {
        this.spec = spec;
    }

    static List<AssetRow> run(Connection connection, ListingSpec spec) throws SQLException {
        AssetListing listing = new AssetListing(spec);
        String sql = listing.sql();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, listing.parameters);
            List<AssetRow> rows = new ArrayList<>(Math.min(spec.limit(), 1024));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(AssetColumns.read(rs));
                }
            }
            return rows;
        }
    }

    /** How many assets match the filters of the spec (its position and limit do not count). */
    static long count(Connection connection, ListingSpec spec) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        boolean byCounters = spec.createdAfter() == null
                && spec.createdBefore() == null
                && (spec.filter() instanceof AssetFilter.All || spec.filter() instanceof AssetFilter.InFolder);
        if (byCounters) {
            sql.append("SELECT COALESCE(SUM(n), 0) FROM asset_counts WHERE media_type IN (");
        } else {
            sql.append("SELECT COUNT(*) FROM assets WHERE media_type IN (");
        }
        appendMediaTypes(sql, parameters, spec);
        sql.append(')');
        appendFilter(sql, parameters, spec);
        if (!byCounters) {
            appendTimeBounds(sql, parameters, spec);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String sql() {
        List<MediaType> types = spec.mediaTypes().stream()
                .sorted((a, b) -> Integer.compare(MediaTypeCode.of(a), MediaTypeCode.of(b)))
                .toList();
        if (types.size() == 1) {
            return rangeFor(types.getFirst());
        }
        StringBuilder sql = new StringBuilder();
        for (MediaType type : types) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT * FROM (")
                    .append(rangeFor(type))
                    .append(')');
        }
        sql.append(orderBy()).append(" LIMIT ?");
        parameters.add(spec.limit());
        return sql.toString();
    }

    private String rangeFor(MediaType type) {
        StringBuilder sql =
                new StringBuilder("SELECT ").append(AssetColumns.SELECT).append(" FROM assets WHERE media_type = ?");
        parameters.add(MediaTypeCode.of(type));
        appendFilter(sql, parameters, spec);
        appendTimeBounds(sql, parameters, spec);
        if (spec.after() != null) {
            sql.append(" AND ");
            appendAfter(sql);
        }
        sql.append(orderBy()).append(" LIMIT ?");
        parameters.add(spec.limit());
        return sql.toString();
    }

    private static void appendMediaTypes(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        boolean first = true;
        for (MediaType type : spec.mediaTypes()) {
            sql.append(first ? "?" : ", ?");
            parameters.add(MediaTypeCode.of(type));
            first = false;
        }
    }

    private static void appendFilter(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        switch (spec.filter()) {
            case AssetFilter.All all -> {}
            case AssetFilter.InFolder(long albumRowId) -> {
                sql.append(" AND album_id = ?");
                parameters.add(albumRowId);
            }
            case AssetFilter.Favorites favorites -> sql.append(" AND is_favorite = 1");
            case AssetFilter.WithSubtype(var subtype) -> {
                // Subtypes are stored as a sorted, comma-separated list of wire names.
                sql.append(" AND (',' || subtypes || ',') LIKE ?");
                parameters.add("%," + subtype.wireName() + ",%");
            }
        }
    }

    private static void appendTimeBounds(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        if (spec.createdAfter() != null) {
            sql.append(" AND creation_time > ?");
            parameters.add(spec.createdAfter());
        }
        if (spec.createdBefore() != null) {
            sql.append(" AND creation_time < ?");
            parameters.add(spec.createdBefore());
        }
    }

    /**
     * Rows strictly after the position in sort order. With one direction throughout this is a
     * row-value comparison, which SQLite turns into an index range; with mixed directions it is
     * spelled out, led by a bound on the first key so that the index range still applies.
     */
    private void appendAfter(StringBuilder sql) {
        List<SortKey> keys = spec.sortBy();
        List<Object> values = spec.after().values();
        boolean ascending = keys.getFirst().ascending();
        boolean oneDirection = keys.stream().allMatch(key -> key.ascending() == ascending);
        if (oneDirection) {
            sql.append('(');
            for (SortKey key : keys) {
                sql.append(SortColumns.column(key.field())).append(", ");
            }
            sql.append("id) ").append(ascending ? '>' : '<').append(" (");
            for (Object value : values) {
                sql.append("?, ");
                parameters.add(value);
            }
            sql.append("?)");
            parameters.add(spec.after().rowId());
            return;
        }
        sql.append(SortColumns.column(keys.getFirst().field()))
                .append(ascending ? " >= ?" : " <= ?")
                .append(" AND ");
        parameters.add(values.getFirst());
        appendStrictlyAfter(sql, 0);
    }

    private void appendStrictlyAfter(StringBuilder sql, int index) {
        List<SortKey> keys = spec.sortBy();
        if (index == keys.size()) {
            sql.append(lastDirectionAscending() ? "id > ?" : "id < ?");
            parameters.add(spec.after().rowId());
            return;
        }
        String column = SortColumns.column(keys.get(index).field());
        Object value = spec.after().values().get(index);
        sql.append('(')
                .append(column)
                .append(keys.get(index).ascending() ? " > ?" : " < ?")
                .append(" OR (")
                .append(column)
                .append(" = ? AND ");
        parameters.add(value);
        parameters.add(value);
        appendStrictlyAfter(sql, index + 1);
        sql.append("))");
    }

    private String orderBy() {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (SortKey key : spec.sortBy()) {
            sql.append(SortColumns.column(key.field())).append(key.ascending() ? " ASC, " : " DESC, ");
        }
        sql.append(lastDirectionAscending() ? "id ASC" : "id DESC");
        return sql.toString();
    }

    /** The row id breaks ties in the direction of the last key, so one index serves the whole order. */
    private boolean lastDirectionAscending() {
        return spec.sortBy().getLast().ascending();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
