package dev.camroll.core.access;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A grant as the OAuth scope strings of an app's token, and back, one to one: an app that reads
 * the scope of its token knows its grant. The selection of a limited grant and a one-time grant's
 * end are kept on the server, not in the scope.
 */
public final class OAuthScopes {
    /** Reads every asset of the granted media types. */
    public static final String LIBRARY_READ = "library.read";
    /** Reads the person's selection (and what the app created). */
    public static final String LIBRARY_LIMITED = "library.limited";
    /** Adds assets, and reads only what it created. */
    public static final String LIBRARY_WRITE_ONLY = "library.write_only";

    public static final String MEDIA_PHOTO = "media.photo";
    public static final String MEDIA_VIDEO = "media.video";
    public static final String MEDIA_AUDIO = "media.audio";
    /** Sees where photos and videos were taken. */
    public static final String MEDIA_LOCATION = "media.location";

    public static final String CAMERA = "camera";
    public static final String PICKER = "picker";

    private static final String MEDIA_PREFIX = "media.";

    private OAuthScopes() {}

    /** The scope strings of a grant, in a fixed order; none for a grant that gives nothing. */
    public static Set<String> of(Grant grant) {
        Set<String> scopes = new LinkedHashSet<>();
        if (grant.writes()) {
            if (grant.writeOnly()) {
                scopes.add(LIBRARY_WRITE_ONLY);
            } else {
                scopes.add(grant.privileges() == AccessPrivileges.LIMITED ? LIBRARY_LIMITED : LIBRARY_READ);
            }
            for (GranularPermission type : EnumSet.copyOf(orNone(grant.mediaTypes()))) {
                scopes.add(MEDIA_PREFIX + type.wireName());
            }
            if (grant.location()) {
                scopes.add(MEDIA_LOCATION);
            }
        }
        for (AppCapability capability : EnumSet.copyOf(orNoCapability(grant.capabilities()))) {
            scopes.add(capability.wireName());
        }
        return scopes;
    }

    /** The scope strings of a grant as one space-separated OAuth {@code scope} value. */
    public static String text(Grant grant) {
        return String.join(" ", of(grant));
    }

    /**
     * The grant these scope strings stand for (for ever, with no selection). An unknown string is
     * refused naming it; media types without a library scope give nothing to read.
     */
    public static Grant grant(Set<String> scopes) {
        Set<GranularPermission> types = EnumSet.noneOf(GranularPermission.class);
        Set<AppCapability> capabilities = EnumSet.noneOf(AppCapability.class);
        boolean read = false;
        boolean limited = false;
        boolean writeOnly = false;
        boolean location = false;
        for (String scope : scopes) {
            switch (scope) {
                case LIBRARY_READ -> read = true;
                case LIBRARY_LIMITED -> limited = true;
                case LIBRARY_WRITE_ONLY -> writeOnly = true;
                case MEDIA_LOCATION -> location = true;
                case CAMERA -> capabilities.add(AppCapability.CAMERA);
                case PICKER -> capabilities.add(AppCapability.PICKER);
                default -> types.add(mediaType(scope));
            }
        }
        Grant grant;
        if (read) {
            grant = Grant.all(types, location);
        } else if (limited) {
            grant = Grant.limited(types, location);
        } else if (writeOnly) {
            grant = Grant.writeOnly(types);
        } else {
            grant = Grant.undetermined();
        }
        return grant.withCapabilities(capabilities);
    }

    /** {@link #grant(Set)} of a space-separated OAuth {@code scope} value. */
    public static Grant grant(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String part : scope.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                scopes.add(part);
            }
        }
        return grant(scopes);
    }

    private static GranularPermission mediaType(String scope) {
        if (scope.startsWith(MEDIA_PREFIX)) {
            try {
                return GranularPermission.fromWireName(scope.substring(MEDIA_PREFIX.length()));
            } catch (InvalidArgumentException e) {
                // Falls through to the refusal naming the whole scope string.
            }
        }
        throw InvalidArgumentException.of("scope", "unknown scope '" + scope + "'");
    }

    private static Set<GranularPermission> orNone(Set<GranularPermission> types) {
        return types.isEmpty() ? EnumSet.noneOf(GranularPermission.class) : types;
    }

    private static Set<AppCapability> orNoCapability(Set<AppCapability> capabilities) {
        return capabilities.isEmpty() ? EnumSet.noneOf(AppCapability.class) : capabilities;
    }
}
