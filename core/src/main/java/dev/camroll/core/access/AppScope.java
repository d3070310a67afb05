package dev.camroll.core.access;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The scope of one app, from its grant as it stands: nothing until it is granted; with "all",
 * every asset of the granted media types; with "limited", the selection and what the app created;
 * add-only, what it created. Location only when the grant allows it.
 *
 * @param latestSelectionOnly only the items of the person's most recent selection (a limited
 *     grant with a selection; otherwise no narrowing)
 */
public record AppScope(AppId app, Grant grant, boolean latestSelectionOnly) implements LimitedScope {
    public AppScope {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(grant, "grant");
    }

    public AppScope(AppId app, Grant grant) {
        this(app, grant, false);
    }

    /** This scope narrowed to the latest selection, as {@code getAssets}'s flag asks. */
    public AppScope latestSelection() {
        return new AppScope(app, grant, true);
    }

    @Override
    public AssetPredicate predicate() {
        if (!grant.writes() || grant.mediaTypes().isEmpty()) {
            return new AssetPredicate.Nothing();
        }
        AssetPredicate created = new AssetPredicate.CreatedBy(app);
        AssetPredicate seen;
        AssetPredicate latestWithin = null;
        if (grant.writeOnly()) {
            seen = created;
        } else if (grant.privileges() == AccessPrivileges.ALL) {
            seen = null;
        } else if (latestSelectionOnly && grant.latestSelection() > 0) {
            seen = new AssetPredicate.SelectedFor(app, true);
            // The latest selection lies within the app's view, which the store walks in order:
            // saying so lets a page read the view's rows instead of every asset's.
            latestWithin = new AssetPredicate.SelectedOrCreatedBy(app);
        } else {
            seen = new AssetPredicate.SelectedOrCreatedBy(app);
        }
        List<AssetPredicate> parts = new ArrayList<>();
        Set<MediaType> types = mediaTypes();
        if (types.size() < MediaType.values().length) {
            parts.add(new AssetPredicate.OfMediaTypes(types));
        }
        if (latestWithin != null) {
            parts.add(latestWithin);
        }
        if (seen != null) {
            parts.add(seen);
        }
        return switch (parts.size()) {
            case 0 -> new AssetPredicate.Every();
            case 1 -> parts.getFirst();
            default -> new AssetPredicate.AllOf(parts);
        };
    }

    /** The media types the grant opens. */
    public Set<MediaType> mediaTypes() {
        EnumSet<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (GranularPermission permission : grant.mediaTypes()) {
            types.add(permission.mediaType());
        }
        return types;
    }

    @Override
    public boolean seesLocation() {
        return grant.location();
    }

    @Override
    public String toString() {
        return "app " + app;
    }
}
