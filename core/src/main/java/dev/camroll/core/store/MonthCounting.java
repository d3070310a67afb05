package dev.camroll.core.store;

import dev.camroll.api.MonthCounts;
import dev.camroll.core.access.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The assets of a listing counted per month of a time zone (a date scrubber's marks). Where the
 * counters answer (see {@link ListingCount}), the day counters give every UTC day's count in one
 * statement: a day wholly inside one month of the zone and inside the query's dates counts as a
 * whole, and only the rows of the other days (those a month boundary of the zone or a date bound
 * cuts, at most two a month) are read, through the creation-time index. Elsewhere (another scope,
 * favorites, subtypes, field conditions) the creation times of the matching rows are read and
 * counted.
 */
final class MonthCounting {
    private final Scope scope;
    private final ListingSpec spec;
    private final MonthBuckets buckets;

    private MonthCounting(Scope scope, ListingSpec spec, ZoneId zone) {
        this.scope = scope;
        this.spec = ScopeSql.narrowed(scope, spec);
        this.buckets = new MonthBuckets(zone);
    }

    static MonthCounts count(Connection connection, Scope scope, ListingSpec spec, ZoneId zone) throws SQLException {
        MonthCounting counting = new MonthCounting(scope, spec, zone);
        if (!spec.mediaTypes().isEmpty()) {
            if (ListingCount.countersAnswer(scope, spec)) {
                counting.fromDayCounters(connection);
            } else {
                counting.rows(connection, spec.createdAfter(), spec.createdBefore());
            }
        }
        return counting.buckets.result();
    }

    private void fromDayCounters(Connection connection) throws SQLException {
        Long after = spec.createdAfter();
        Long before = spec.createdBefore();
        List<Object> parameters = new ArrayList<>();
        boolean inFolder = spec.filter() instanceof AssetFilter.InFolder;
        StringBuilder sql = new StringBuilder("SELECT day, SUM(n) FROM ")
                .append(inFolder ? "album_day_counts" : "asset_day_counts")
                .append(" WHERE ");
        ListingCount.appendFolderAndTypes(sql, parameters, spec);
        if (after != null) {
            sql.append(" AND day >= ?");
            parameters.add(Math.floorDiv(after, ListingCount.DAY_MILLIS));
        }
        if (before != null) {
            sql.append(" AND day <= ?");
            parameters.add(Math.floorDiv(before, ListingCount.DAY_MILLIS));
        }
        sql.append(" GROUP BY day HAVING SUM(n) > 0");
        List<Long> cutDays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            AssetListing.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long day = rs.getLong(1);
                    long first = day * ListingCount.DAY_MILLIS;
                    long last = first + ListingCount.DAY_MILLIS - 1;
                    boolean insideDates = (after == null || first > after) && (before == null || last < before);
                    if (insideDates && buckets.sameMonth(first, last)) {
                        buckets.add(first, rs.getLong(2));
                    } else {
                        cutDays.add(day);
                    }
                }
            }
        }
        for (long day : cutDays) {
            long first = day * ListingCount.DAY_MILLIS;
            long dayAfter = first - 1;
            long dayBefore = first + ListingCount.DAY_MILLIS;
            rows(
                    connection,
                    after == null ? dayAfter : Math.max(after, dayAfter),
                    before == null ? dayBefore : Math.min(before, dayBefore));
        }
    }

    /** Counts the matching rows created in (after, before), either bound null for none, one by one. */
    private void rows(Connection connection, Long after, Long before) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        var view = ScopeSql.view(scope);
        String sql;
        if (view.isPresent()) {
            // A limited or add-only app: its own rows, not every asset's.
            sql = ListingCount.viewRows("v.created", parameters, scope, spec, view.get(), after, before);
            if (sql == null) {
                return;
            }
        } else {
            StringBuilder rows = new StringBuilder("SELECT creation_time FROM assets WHERE ");
            ListingCount.appendRowConditions(rows, parameters, scope, spec, after, before);
            sql = rows.toString();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            AssetListing.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    buckets.add(rs.getLong(1), 1);
                }
            }
        }
    }
}
