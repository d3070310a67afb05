package dev.camroll.core.store;

import dev.camroll.api.MediaType;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AssetPredicate;
import dev.camroll.core.access.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        /**
         * {@code assets}: the folder's row id in {@code album_id}, and the row id in {@code id},
         * by which an app's view ({@code app_view_assets}) holds it.
         */
        ASSETS,
        /**
         * A state of an asset given as values, {@code public_id}, {@code media_type} and {@code
         * album_id} (the folder an asset was in before a move): no row id, so the selection tables
         * judge it.
         */
        ASSET_STATES,
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

    /**
     * Whether the counters may answer for this scope over these media types: it sees every asset
     * of each of them (an app granted all photos, say, asking for photos).
     */
    static boolean countersAnswer(Scope scope, Set<MediaType> mediaTypes) {
        return switch (scope.predicate()) {
            case AssetPredicate.Every every -> true;
            case AssetPredicate.OfMediaTypes(var types) -> types.containsAll(mediaTypes);
            default -> false;
        };
    }

    /**
     * The app view that bounds every asset this scope sees, when there is one that a listing or a
     * count can walk instead of the whole assets table: the scope's predicate is the view, or the
     * view and other conditions all of which must hold. Those others are {@link #andBeside}.
     */
    static Optional<ViewScan> view(Scope scope) {
        List<AssetPredicate> parts = conjuncts(scope);
        for (AssetPredicate part : parts) {
            Optional<ViewScan> view =
                    switch (part) {
                        case AssetPredicate.SelectedOrCreatedBy(var app) ->
                            Optional.of(new ViewScan(app, AppView.LIMITED));
                        case AssetPredicate.CreatedBy(var app) -> Optional.of(new ViewScan(app, AppView.CREATED));
                        default -> Optional.empty();
                    };
            if (view.isPresent()) {
                return view;
            }
        }
        return Optional.empty();
    }

    /**
     * " AND condition" on the assets table {@code table} for the scope's conditions other than its
     * view (see {@link #view}), which the caller's walk of the view meets already; or "".
     */
    static String andBeside(Scope scope, ViewScan view, String table) {
        List<AssetPredicate> rest = new ArrayList<>();
        List<AssetPredicate> parts = conjuncts(scope);
        for (AssetPredicate part : parts) {
            if (!view.is(part)) {
                rest.add(part);
            }
        }
        String condition = condition(new AssetPredicate.AllOf(rest), Rows.ASSETS, table + ".");
        return condition.isEmpty() ? "" : " AND " + condition;
    }

    /**
     * The media types the scope allows beside its view when media types are all its other
     * conditions (every type when it has none), or empty when it has others, which a count must
     * read in the assets table.
     */
    static Optional<Set<MediaType>> typesBeside(Scope scope, ViewScan view) {
        List<AssetPredicate> parts = conjuncts(scope);
        Set<MediaType> types = EnumSet.allOf(MediaType.class);
        for (AssetPredicate part : parts) {
            if (part instanceof AssetPredicate.OfMediaTypes(var allowed)) {
                types.retainAll(allowed);
            } else if (!view.is(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(types);
    }

    /**
     * The spec without the media types the scope cannot see at all (an app granted photos asking
     * for photos and videos asks for photos), so that ranges of those types are not read and the
     * counters may answer for the rest.
     */
    static ListingSpec narrowed(Scope scope, ListingSpec spec) {
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        types.addAll(spec.mediaTypes());
        for (AssetPredicate part : conjuncts(scope)) {
            switch (part) {
                case AssetPredicate.OfMediaTypes(var allowed) -> types.retainAll(allowed);
                case AssetPredicate.Nothing nothing -> types.clear();
                default -> {}
            }
        }
        return types.size() == spec.mediaTypes().size() ? spec : spec.withMediaTypes(types);
    }

    /** The conditions of the scope that must all hold. */
    private static List<AssetPredicate> conjuncts(Scope scope) {
        AssetPredicate predicate = scope.predicate();
        return predicate instanceof AssetPredicate.AllOf(var all) ? all : List.of(predicate);
    }

    /** An app's view to walk: its rows {@code app_id = app AND kind = view}. */
    record ViewScan(AppId app, AppView view) {
        /** The condition on the view table {@code table} (an alias) that selects this view's rows. */
        String rowsOf(String table) {
            return table + ".app_id = " + literal(app) + " AND " + table + ".kind = " + view.code();
        }

        private boolean is(AssetPredicate part) {
            return switch (part) {
                case AssetPredicate.SelectedOrCreatedBy(var of) -> view == AppView.LIMITED && of.equals(app);
                case AssetPredicate.CreatedBy(var of) -> view == AppView.CREATED && of.equals(app);
                default -> false;
            };
        }
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
                rows == Rows.ASSETS ? inView(app, AppView.CREATED, prefix) : created(app, prefix);
            case AssetPredicate.SelectedOrCreatedBy(var app) ->
                rows == Rows.ASSETS
                        ? inView(app, AppView.LIMITED, prefix)
                        : "(" + selected(app, false, rows, prefix) + " OR " + created(app, prefix) + ")";
            case AssetPredicate.AllOf(var parts) -> allOf(parts, rows, prefix);
            case AssetPredicate.AnyOf(var parts) -> anyOf(parts, rows, prefix);
        };
    }

    /**
     * A row of the assets table in an app's view, by a probe of the view's key: the check of one
     * row costs a lookup, where "id IN (SELECT ...)" would first gather the whole view.
     */
    private static String inView(AppId app, AppView view, String prefix) {
        return "EXISTS (SELECT 1 FROM app_view_assets WHERE app_id = " + literal(app) + " AND kind = " + view.code()
                + " AND asset = " + prefix + "id)";
    }

    private static String created(AppId app, String prefix) {
        return prefix + "public_id IN (SELECT public_id FROM app_created_assets WHERE app_id = " + literal(app) + ")";
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
                    case ASSETS, ASSET_STATES, TOMBSTONES -> prefix + "album_id IN (" + folders + ")";
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
