package dev.camroll.core.store;

import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds and runs the SQL of one page of assets.
 *
 * <p>Paging is keyset-based: the page after a position is "rows sorted after (values, id)". That
 * condition is spelled as disjoint ranges, each an equality on the leading sort keys and a bound
 * on the next one (for keys a, b: {@code a = ? AND b = ? AND id > ?}, {@code a = ? AND b > ?},
 * {@code a > ?}). SQLite narrows an index by each range's whole key, whereas a row-value
 * comparison {@code (a, b, id) > (?, ?, ?)} narrows it only by {@code a}: a page deep among many
 * equal widths would read all of them. Each asked media type is read through its own ranges (the
 * indexes lead with media_type, or album_id then media_type), and all ranges are merged by a
 * UNION ALL whose ORDER BY SQLite runs as a lazy merge of index-ordered ranges: an {@code IN} list
 * would make SQLite sort every matching row.
 *
 * <p>A limited or add-only app's listing by creation time walks the app's own view instead
 * ({@code app_view_assets}, see {@link ScopeSql#view}): its index has the same order, so a page of
 * an app whose selection is one asset in a hundred reads its hundred rows, not ten thousand.
 */
final class AssetListing {
    private final Scope scope;
    private final ListingSpec spec;
    /** The columns each range selects: a whole row, or only the sort values and the id. */
    private final String select;
    /** The app view the ranges walk, or null: they walk the assets table's indexes. */
    private final ScopeSql.ViewScan view;

    private final List<Object> parameters = new ArrayList<>();

    private AssetListing(Scope scope, ListingSpec spec) {
        this(scope, spec, AssetColumns.SELECT);
    }

    private AssetListing(Scope scope, ListingSpec spec, String select) {
        this.scope = scope;
        this.spec = ScopeSql.narrowed(scope, spec);
        this.select = select;
        this.view = walksView(scope, spec) ? ScopeSql.view(scope).orElseThrow() : null;
    }

    /**
     * Whether the listing walks the scope's app view: it has one, the order is by creation time
     * alone (the view's index order), and no folder or favorites filter has a smaller index of its
     * own to walk.
     */
    private static boolean walksView(Scope scope, ListingSpec spec) {
        return ScopeSql.view(scope).isPresent()
                && spec.sortBy().stream()
                        .allMatch(key -> SortColumns.column(key.field()).equals("creation_time"))
                && !(spec.filter() instanceof AssetFilter.InFolder)
                && !(spec.filter() instanceof AssetFilter.Favorites);
    }

    /**
     * The position of the row {@code skipped} rows into the listing (0: its first row), or empty
     * when it has fewer rows. Only the sort columns and the id are selected, which the index of
     * the order holds: the rows skipped are stepped over in the index, and no table row is read
     * for them unless a condition needs a column the index lacks.
     */
    static Optional<SortPosition> positionAt(Connection connection, Scope scope, ListingSpec spec, int skipped)
            throws SQLException {
        Statement position = positionStatement(scope, spec, skipped);
        if (position.sql() == null) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(position.sql())) {
            bind(statement, position.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Object> values = new ArrayList<>(spec.sortBy().size());
                for (SortKey key : spec.sortBy()) {
                    values.add(value(rs, key.field()));
                }
                return Optional.of(new SortPosition(values, rs.getLong("id")));
            }
        }
    }

    /** The statement of {@link #positionAt}, for a look at its query plan; null SQL: no rows. */
    static Statement positionStatement(Scope scope, ListingSpec spec, int skipped) {
        List<String> columns = spec.sortBy().stream()
                .map(key -> SortColumns.column(key.field()))
                .distinct()
                .toList();
        AssetListing listing = new AssetListing(scope, spec, String.join(", ", columns) + ", id");
        String sql = listing.sql();
        if (sql == null) {
            return new Statement(null, List.of());
        }
        // The LIMIT of sql() takes the spec's limit; one row past the skipped ones is asked instead.
        listing.parameters.set(listing.parameters.size() - 1, 1);
        listing.parameters.add(skipped);
        return new Statement(sql + " OFFSET ?", List.copyOf(listing.parameters));
    }

    private static Object value(ResultSet rs, SortField field) throws SQLException {
        String column = SortColumns.column(field);
        Class<?> type = SortColumns.valueType(field);
        if (type == Long.class) {
            return rs.getLong(column);
        }
        if (type == Integer.class) {
            return rs.getInt(column);
        }
        return rs.getDouble(column);
    }

    static List<AssetRow> run(Connection connection, Scope scope, ListingSpec spec) throws SQLException {
        AssetListing listing = new AssetListing(scope, spec);
        String sql = listing.sql();
        if (sql == null) {
            return List.of();
        }
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

    /** The SQL of a page and its parameters, for a look at its query plan; null SQL: no rows. */
    static Statement statement(Scope scope, ListingSpec spec) {
        AssetListing listing = new AssetListing(scope, spec);
        String sql = listing.sql();
        return new Statement(sql, List.copyOf(listing.parameters));
    }

    /** A statement with its parameters in order. */
    record Statement(String sql, List<Object> parameters) {}

    private String sql() {
        List<MediaType> types = spec.mediaTypes().stream()
                .sorted(Comparator.comparingInt(MediaTypeCode::of))
                .toList();
        List<String> ranges = new ArrayList<>();
        for (MediaType type : types) {
            int code = MediaTypeCode.of(type);
            // From the start: every row. After a position: equal on every key and after on the
            // id, then equal on fewer and fewer keys.
            int mostEqualKeys = spec.after() == null ? 0 : spec.sortBy().size();
            for (int equalKeys = mostEqualKeys; equalKeys >= 0; equalKeys--) {
                String range = range(code, equalKeys, spec.after() != null);
                if (range != null) {
                    ranges.add(range);
                }
            }
        }
        if (ranges.isEmpty()) {
            // No row can follow the position (past the last media type, or outside the dates).
            return null;
        }
        String sql = String.join(" UNION ALL ", ranges) + orderBy() + " LIMIT ?";
        parameters.add(spec.limit());
        return sql;
    }

    /**
     * The rows of one media type that equal the position on the first {@code equalKeys} sort keys
     * and come after it on the next key (or on the id, when every key is equal); with {@code
     * afterPosition} false, every row of the type. Null when the range is empty for this media type
     * (a condition on the media_type sort key that the type does not meet).
     */
    private String range(int mediaType, int equalKeys, boolean afterPosition) {
        List<Object> rangeParameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select);
        if (view != null) {
            // The view's columns are the order's: SQLite then reads its index in order.
            sql.append(", v.created AS view_created, v.asset AS view_asset")
                    .append(" FROM app_view_assets v CROSS JOIN assets ON assets.id = v.asset WHERE ")
                    .append(view.rowsOf("v"))
                    .append(" AND v.type = ?");
            rangeParameters.add(mediaType);
            sql.append(ScopeSql.andBeside(scope, view, "assets"));
        } else {
            sql.append(" FROM assets");
            SortColumns.index(spec)
                    .ifPresent(index -> sql.append(" INDEXED BY ").append(index));
            sql.append(" WHERE ");
            if (spec.filter() instanceof AssetFilter.InFolder(long albumRowId)) {
                // Led by the folder so that the folder's own indexes serve the range.
                sql.append("album_id = ? AND ");
                rangeParameters.add(albumRowId);
            }
            sql.append("media_type = ?");
            rangeParameters.add(mediaType);
            sql.append(ScopeSql.and(scope, "assets"));
        }
        appendFilter(sql, rangeParameters, spec);
        CreationBounds creation = new CreationBounds(spec.createdAfter(), spec.createdBefore());
        if (afterPosition) {
            List<SortKey> keys = spec.sortBy();
            List<Object> values = spec.after().values();
            for (int i = 0; i < equalKeys; i++) {
                if (!condition(sql, rangeParameters, keys.get(i).field(), " = ?", values.get(i), mediaType, creation)) {
                    return null;
                }
            }
            if (equalKeys == keys.size()) {
                sql.append(" AND ").append(view != null ? "v.asset" : "id");
                sql.append(lastDirectionAscending() ? " > ?" : " < ?");
                rangeParameters.add(spec.after().rowId());
            } else {
                SortKey key = keys.get(equalKeys);
                String after = key.ascending() ? " > ?" : " < ?";
                if (!condition(sql, rangeParameters, key.field(), after, values.get(equalKeys), mediaType, creation)) {
                    return null;
                }
            }
        }
        if (!creation.append(sql, rangeParameters, view != null ? "v.created" : "creation_time")) {
            return null;
        }
        parameters.addAll(rangeParameters);
        return sql.toString();
    }

    /**
     * Appends "AND column op ?" for a sort key, except on the media type, which is a constant in a
     * range of one type: that condition is decided here (false when it does not hold), and on the
     * creation time, which joins the created-after/before bounds.
     */
    private static boolean condition(
            StringBuilder sql,
            List<Object> parameters,
            SortField field,
            String op,
            Object value,
            int mediaType,
            CreationBounds creation) {
        if (SortColumns.column(field).equals("creation_time")) {
            creation.add(op, (Long) value);
            return true;
        }
        if (field == SortField.MEDIA_TYPE) {
            int position = ((Number) value).intValue();
            return switch (op) {
                case " = ?" -> mediaType == position;
                case " > ?" -> mediaType > position;
                default -> mediaType < position;
            };
        }
        sql.append(" AND ").append(SortColumns.column(field)).append(op);
        parameters.add(value);
        return true;
    }

    private static void appendFilter(StringBuilder sql, List<Object> parameters, ListingSpec spec) {
        switch (spec.filter()) {
            case AssetFilter.All all -> {}
            case AssetFilter.InFolder folder -> {} // leads the range, see range()
            case AssetFilter.Favorites favorites -> sql.append(" AND is_favorite = 1");
            case AssetFilter.InMoment(long momentRowId) -> {
                sql.append(" AND ").append(MomentStore.holdsCondition());
                parameters.add(momentRowId);
            }
            case AssetFilter.WithSubtype(var subtype) -> {
                // Subtypes are stored as a sorted, comma-separated list of wire names.
                sql.append(" AND (',' || subtypes || ',') LIKE ?");
                parameters.add("%," + subtype.wireName() + ",%");
            }
            case AssetFilter.OfMediaType(var mediaType) -> {
                sql.append(" AND media_type = ?");
                parameters.add(MediaTypeCode.of(mediaType));
            }
        }
        FieldConditions.append(sql, parameters, spec.conditions());
    }

    private String orderBy() {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (SortKey key : spec.sortBy()) {
            // Every key of a view's walk is the creation time (see walksView).
            sql.append(view != null ? "view_created" : SortColumns.column(key.field()))
                    .append(key.ascending() ? " ASC, " : " DESC, ");
        }
        sql.append(view != null ? "view_asset" : "id").append(lastDirectionAscending() ? " ASC" : " DESC");
        return sql.toString();
    }

    private boolean lastDirectionAscending() {
        return SortColumns.idAscending(spec.sortBy());
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
