package dev.camroll.server.http.oauth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OAuth scopes this server knows, one to one with what an app's grant holds: reading the
 * library or adding to it only, the media types, locations, and the picker's and camera's.
 */
final class OAuthScopes {
    static final String READ = "library.read";
    static final String WRITE_ONLY = "library.write_only";
    static final String PHOTO = "media.photo";
    static final String VIDEO = "media.video";
    static final String AUDIO = "media.audio";
    static final String LOCATION = "media.location";
    static final List<String> ALL = List.of(READ, WRITE_ONLY, PHOTO, VIDEO, AUDIO, LOCATION, "camera", "picker");

    /** What an app that names no scope asks for: reading every media type, without locations. */
    static final Set<String> DEFAULT = Set.of(READ, PHOTO, VIDEO, AUDIO);

    private OAuthScopes() {}

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

    /** What the owner gave: the scopes asked for, without locations unless they were allowed. */
    static Set<String> granted(Set<String> asked, boolean location) {
        Set<String> granted = new LinkedHashSet<>(asked);
        if (!location) {
            granted.remove(LOCATION);
        }
        return granted;
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    /** The scopes in words, for the consent page. */
    static String describe(String scope) {
        return switch (scope) {
            case READ -> "see photos, videos and audio of your library";
            case WRITE_ONLY -> "add to your library, and see only what it added";
            case PHOTO -> "photos";
            case VIDEO -> "videos";
            case AUDIO -> "audio";
            case LOCATION -> "where your photos and videos were taken";
            case "camera" -> "take photos into your library";
            case "picker" -> "let you pick items to give it";
            default -> scope;
        };
    }
}
