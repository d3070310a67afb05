package dev.camroll.core.store;

import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AssetPredicate;
import dev.camroll.core.access.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where a {@link Scope} becomes SQL: every store query of assets, trash rows and
 * tombstones appends its condition. The condition reads the asset's public id, media type and
 * folder, which the three tables each keep (the trash by the folder's path). Values are written as
 * literals (media type codes, app ids, which are letters, digits, '-' and '_' only), so that
 * appending it changes no statement's parameter numbering; a scope that sees everything appends
 * nothing, leaving the statements and query plans of the owner exactly as they were.
 */
final class ScopeSql {
    /** The table a condition is on: each keeps an asset's folder its own way. */
    enum Rows {
        /** {@code assets}: the folder's row id in {@code album_id}. */
        ASSETS,
        /** {@code trash}: the folder's path in {@code rel_path}. */
        TRASH,
        /** {@code tombstones}: the folder's row id in {@code album_id} (null for older ones). */
        TOMBSTONES
    }

    private static final String NONE = "0";

    private ScopeSql() {}

    /** " AND condition" on the columns of the assets table {@code table} (a name or alias), or "". */
    static String and(Scope scope, String table) {
        return and(scope, Rows.ASSETS, table);
    }

    /** " AND condition" on the columns of {@code table} (a name or alias) of these rows, or "". */
    static String and(Scope scope, Rows rows, String table) {
        String condition = condition(scope.predicate(), rows, table + ".");
        return condition.isEmpty() ? "" : " AND " + condition;
    }

    /** The condition on {@code table} of these rows as an SQL expression: "1" for every row. */
    static String condition(Scope scope, Rows rows, String table) {
        String condition = condition(scope.predicate(), rows, table + ".");
        return condition.isEmpty() ? "1" : condition;
    }

    /**
     * Whether counters that count every asset (asset_counts, the day counters) may answer for
     * this scope: only one that sees every asset (the owner's, an app allowed everything).
     */
    static boolean countersAnswer(Scope scope) {
        return scope.predicate() instanceof AssetPredicate.Every;
    }

    /** The condition, "" for none (every row), "0" for no row. */
    private static String condition(AssetPredicate predicate, Rows rows, String prefix) {
        return switch (predicate) {
            case AssetPredicate.Every every -> "";
            case AssetPredicate.Nothing nothing -> NONE;
            case AssetPredicate.OfMediaTypes(var types) ->
                types.isEmpty()
                        ? NONE
                        : prefix + "media_type IN ("
                                + types.stream()
                                        .map(MediaTypeCode::of)
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))
                                + ")";
            case AssetPredicate.SelectedFor(var app, var latestOnly) -> selected(app, latestOnly, rows, prefix);
            case AssetPredicate.CreatedBy(var app) ->
                prefix + "public_id IN (SELECT public_id FROM app_created_assets WHERE app_id = " + literal(app) + ")";
            case AssetPredicate.AllOf(var parts) -> allOf(parts, rows, prefix);
            case AssetPredicate.AnyOf(var parts) -> anyOf(parts, rows, prefix);
        };
    }

    /** Items selected one by one, or in a folder selected whole (judged by the folder it is in now). */
    private static String selected(AppId app, boolean latestOnly, Rows rows, String prefix) {
        String latest = latestOnly
                ? " AND selection = (SELECT latest_selection FROM app_grants WHERE app_id = " + literal(app) + ")"
                : "";
        String items = prefix + "public_id IN (SELECT public_id FROM app_selected_assets WHERE app_id = " + literal(app)
                + latest + ")";
        String folders = "SELECT album_id FROM app_selected_albums WHERE app_id = " + literal(app) + latest;
        String inFolder =
                switch (rows) {
                    case ASSETS, TOMBSTONES -> prefix + "album_id IN (" + folders + ")";
                    case TRASH -> prefix + "rel_path IN (SELECT rel_path FROM albums WHERE id IN (" + folders + "))";
                };
        return "(" + items + " OR " + inFolder + ")";
    }

    private static String allOf(List<AssetPredicate> parts, Rows rows, String prefix) {
        List<String> conditions = new ArrayList<>();
        for (AssetPredicate part : parts) {
            String condition = condition(part, rows, prefix);
            if (condition.equals(NONE)) {
                return NONE;
            }
            if (!condition.isEmpty()) {
                conditions.add(condition);
            }
        }
        return conditions.isEmpty() ? "" : "(" + String.join(" AND ", conditions) + ")";
    }

    private static String anyOf(List<AssetPredicate> parts, Rows rows, String prefix) {
        List<String> conditions = new ArrayList<>();
        for (AssetPredicate part : parts) {
            String condition = condition(part, rows, prefix);
            if (condition.isEmpty()) {
                return "";
            }
            if (!condition.equals(NONE)) {
                conditions.add(condition);
            }
        }
        return conditions.isEmpty() ? NONE : "(" + String.join(" OR ", conditions) + ")";
    }

    /** An app id as an SQL string literal: its form (AppId) leaves nothing to escape but quotes. */
    private static String literal(AppId app) {
        return "'" + app.value().replace("'", "''") + "'";
    }
}
