package dev.camroll.core.access;

import dev.camroll.api.InvalidArgumentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** The redirect URIs an app may register. */
final class RedirectUris {
    private RedirectUris() {}

    /**
     * A redirect URI as RFC 8252 and OAuth 2.0 Security BCP allow it: absolute, without a fragment;
     * https, http only to this machine (a native app's loopback), or an app's own private scheme.
     */
    static String checked(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            boolean loopback = "http".equals(scheme)
                    && Set.of("127.0.0.1", "[::1]", "localhost").contains(parsed.getHost());
            boolean privateScheme = scheme != null && scheme.contains(".");
            if (!parsed.isAbsolute()
                    || parsed.getFragment() != null
                    || !("https".equals(scheme) || loopback || privateScheme)) {
                throw InvalidArgumentException.of(
                        "redirect_uris",
                        "a redirect URI is https, http to this machine, or an app's own scheme (com.example.app:/...),"
                                + " without a fragment: not " + uri);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw InvalidArgumentException.of("redirect_uris", "not a URI: " + uri);
        }
    }
}
