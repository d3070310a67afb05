package dev.camroll.server.http;

import dev.camroll.api.InvalidArgumentException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the server listens and what it hands out.
 *
 * @param host the address to listen on; 127.0.0.1 keeps the server to this machine
 * @param port the port, 0 for a free one
 * @param baseUrl the URL clients reach the server at (behind a reverse proxy), or null for the
 *     address a request came to
 * @param corsOrigins the origins whose pages may call the API with a bearer token
 * @param heartbeat how often a quiet event stream gets a comment, so that proxies keep it open
 * @param mediaUrlLifetime how long a signed media URL stays valid
 * @param uploadLimit the largest upload taken, in bytes; 0 for the default, 4 GiB
 * @param accessTokenLifetime how long an app's access token lives (its refresh token gets the next)
 */
public record ServerOptions(
        String host,
        int port,
        URI baseUrl,
        List<String> corsOrigins,
        Duration heartbeat,
        Duration mediaUrlLifetime,
        long uploadLimit,
        Duration accessTokenLifetime) {
    public static final long DEFAULT_UPLOAD_LIMIT = 4L << 30;

    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8420;

    public ServerOptions {
        host = host == null ? LOCAL_HOST : host;
        if (port < 0 || port > 65_535) {
            throw new InvalidArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
                throw new InvalidArgumentException("base URL must be an http or https URL, got " + baseUrl);
            }
        }
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        mediaUrlLifetime = mediaUrlLifetime == null ? Duration.ofHours(1) : mediaUrlLifetime;
        if (uploadLimit < 0) {
            throw new InvalidArgumentException("upload limit must not be negative, got " + uploadLimit);
        }
        uploadLimit = uploadLimit == 0 ? DEFAULT_UPLOAD_LIMIT : uploadLimit;
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new InvalidArgumentException("heartbeat must be positive, got " + heartbeat);
        }
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofHours(1) : accessTokenLifetime;
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new InvalidArgumentException("access token lifetime must be positive, got " + accessTokenLifetime);
        }
        if (mediaUrlLifetime.isNegative() || mediaUrlLifetime.isZero()) {
            throw new InvalidArgumentException("media URL lifetime must be positive, got " + mediaUrlLifetime);
        }
    }

    /** 127.0.0.1, the default port, links to the address asked, no CORS, 15 s heartbeats, 1 h URLs. */
    public static ServerOptions defaults() {
        return new ServerOptions(LOCAL_HOST, DEFAULT_PORT, null, List.of(), null, null, 0, null);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withHeartbeat(Duration heartbeat) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withCorsOrigins(List<String> corsOrigins) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withBaseUrl(URI baseUrl) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withMediaUrlLifetime(Duration mediaUrlLifetime) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withUploadLimit(long uploadLimit) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    public ServerOptions withAccessTokenLifetime(Duration accessTokenLifetime) {
        return new ServerOptions(
                host, port, baseUrl, corsOrigins, heartbeat, mediaUrlLifetime, uploadLimit, accessTokenLifetime);
    }

    /** Whether the server can be reached only from this machine. */
    public boolean localOnly() {
        return host.equals(LOCAL_HOST) || host.equals("localhost") || host.equals("::1");
    }
}
