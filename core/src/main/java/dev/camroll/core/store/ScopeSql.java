package dev.camroll.core.store;

import dev.camroll.core.access.AssetPredicate;
import dev.camroll.core.access.OwnerScope;
import dev.camroll.core.access.Scope;
import java.util.stream.Collectors;

/**
 * The one place where a {@link Scope} becomes SQL: every store query of assets, trash rows and
 * tombstones appends its condition. The condition reads only {@code public_id} and {@code
 * media_type}, which the three tables share. Values are written as literals (media type codes),
 * so that appending it changes no statement's parameter numbering; the owner's scope appends
 * nothing, leaving the statements and query plans of the owner exactly as they were.
 */
final class ScopeSql {
    private ScopeSql() {}

    /** " AND condition" on the columns of {@code table} (a table name or alias), or "" for none. */
    static String and(Scope scope, String table) {
        String condition = condition(scope.predicate(), table + ".");
        return condition.isEmpty() ? "" : " AND " + condition;
    }

    /**
     * Whether counters that count every asset (asset_counts, the day counters) may answer for
     * this scope: only the owner's, which sees every asset.
     */
    static boolean countersAnswer(Scope scope) {
        return scope instanceof OwnerScope;
    }

    private static String condition(AssetPredicate predicate, String prefix) {
        return switch (predicate) {
            case AssetPredicate.Every every -> "";
            case AssetPredicate.OfMediaTypes(var types) ->
                types.isEmpty()
                        ? "0"
                        : prefix + "media_type IN ("
                                + types.stream()
                                        .map(MediaTypeCode::of)
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))
                                + ")";
        };
    }
}
