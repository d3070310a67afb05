package dev.camroll.server.http.oauth;

import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.OAuthScopes;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes an app asks for in a request, as the consent page reads them: which are known (the
 * words of {@link OAuthScopes}, one to one with a grant), what the request asks of the grants
 * (add-only or not, which media types), and how the page says them.
 */
final class RequestedScopes {
    static final List<String> ALL = List.of(
            OAuthScopes.LIBRARY_READ,
            OAuthScopes.LIBRARY_LIMITED,
            OAuthScopes.LIBRARY_WRITE_ONLY,
            OAuthScopes.MEDIA_PHOTO,
            OAuthScopes.MEDIA_VIDEO,
            OAuthScopes.MEDIA_AUDIO,
            OAuthScopes.MEDIA_LOCATION,
            OAuthScopes.CAMERA,
            OAuthScopes.PICKER);

    /** What an app that names no scope asks for: reading every media type, without locations. */
    static final Set<String> DEFAULT = Set.of(OAuthScopes.LIBRARY_READ);

    private RequestedScopes() {}

    /** The scopes of a space-separated {@code scope} parameter; null when one is not known. */
    static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return DEFAULT;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : scope.strip().split(" +")) {
            if (!ALL.contains(name)) {
                return null;
            }
            scopes.add(name);
        }
        return scopes;
    }

    /** Whether the app asks to add only (and read what it added), not to read the library. */
    static boolean writeOnly(Set<String> scopes) {
        return scopes.contains(OAuthScopes.LIBRARY_WRITE_ONLY)
                && !scopes.contains(OAuthScopes.LIBRARY_READ)
                && !scopes.contains(OAuthScopes.LIBRARY_LIMITED);
    }

    /** The media types asked for; none named means all of them. */
    static Set<GranularPermission> granular(Set<String> scopes) {
        Set<GranularPermission> types = EnumSet.noneOf(GranularPermission.class);
        for (GranularPermission type : GranularPermission.values()) {
            if (scopes.contains("media." + type.wireName())) {
                types.add(type);
            }
        }
        return types.isEmpty() ? EnumSet.allOf(GranularPermission.class) : types;
    }

    /** The scopes in words, for the consent page. */
    static String describe(String scope) {
        return switch (scope) {
            case OAuthScopes.LIBRARY_READ -> "see photos, videos and audio of your library";
            case OAuthScopes.LIBRARY_LIMITED -> "see the photos and videos you select";
            case OAuthScopes.LIBRARY_WRITE_ONLY -> "add to your library, and see only what it added";
            case OAuthScopes.MEDIA_PHOTO -> "photos";
            case OAuthScopes.MEDIA_VIDEO -> "videos";
            case OAuthScopes.MEDIA_AUDIO -> "audio";
            case OAuthScopes.MEDIA_LOCATION -> "where your photos and videos were taken";
            case OAuthScopes.CAMERA -> "take photos into your library";
            case OAuthScopes.PICKER -> "let you pick items to give it";
            default -> scope;
        };
    }
}
