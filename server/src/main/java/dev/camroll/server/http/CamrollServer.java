package dev.camroll.server.http;

import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.oauth.OAuthServer;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.sse.SseHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP server of one library: the JSON API under {@code /api/v1}, original bytes, live
 * events, the API's description, and the web library at {@code /}. Requests run on virtual threads; event streams hold no thread
 * between events. {@link #close()} lets requests in flight finish before it returns; the library
 * stays open (its owner closes it).
 */
public final class CamrollServer implements AutoCloseable {
    /** How long a stop waits for requests in flight. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Javalin app;
    private final EventHub events;
    private final ServerOptions options;

    private CamrollServer(Javalin app, EventHub events, ServerOptions options) {
        this.app = app;
        this.events = events;
        this.options = options;
    }

    /**
     * Starts serving the library: to the owner (by the owner's token or a session) all of it, to
     * each app what its grant lets it see. The signing key of media URLs lives in {@code
     * dataDir}, made there at first start.
     */
    public static CamrollServer start(
            LocalMediaLibrary library, Path dataDir, OwnerToken token, ServerOptions options) {
        return start(library, dataDir, token, options, RenditionRoute.DEFAULT_WAIT);
    }

    /** {@link #start(LocalMediaLibrary, Path, OwnerToken, ServerOptions)}, waiting {@code renditionWait} for a conversion. */
    static CamrollServer start(
            LocalMediaLibrary library, Path dataDir, OwnerToken token, ServerOptions options, Duration renditionWait) {
        Clock clock = Clock.systemUTC();
        MediaUrls urls = new MediaUrls(UrlSigner.load(dataDir), options.baseUrl(), options.mediaUrlLifetime(), clock);
        Sessions sessions = new Sessions(clock);
        Callers callers = new Callers(library, library.apps().withAccessLifetime(options.accessTokenLifetime()));
        Authentication authentication = new Authentication(token, sessions, urls, callers);
        EventHub events = new EventHub(callers, options.heartbeat());
        Javalin app = Javalin.create(config -> {
            configure(config, options);
            var routes = config.routes;
            routes.before(Api.ROOT + "/*", authentication::check);
            routes.before(Api.ROOT, authentication::check);
            new AssetRoutes(callers, urls).register(routes);
            new OriginalRoute(callers).register(routes);
            new ThumbnailRoute(callers).register(routes);
            new RenditionRoute(callers, renditionWait).register(routes);
            new UploadRoute(callers, urls, dataDir, options.uploadLimit()).register(routes);
            new AlbumRoutes(callers).register(routes);
            new LibraryRoutes(callers).register(routes);
            new SessionRoutes(sessions, authentication).register(routes);
            new OAuthServer(
                            callers.apps(),
                            library.grants(),
                            options.accessTokenLifetime(),
                            ctx -> sessions.find(ctx.cookie(Sessions.COOKIE)).map(Sessions.Session::csrfToken),
                            urls::absolute)
                    .register(routes);
            new ApiDocs().register(routes);
            new ClientModuleRoute().register(routes);
            new WebFiles().register(routes);
            routes.sse(Api.ROOT + "/events", new SseHandler(0, events::connect));
            routes.exception(Exception.class, ApiErrors::respond);
            for (int status : new int[] {404, 405}) {
                routes.error(status, ctx -> {
                    // Javalin's own answer (no route, wrong method) is text: the API answers in its error shape.
                    String type = ctx.res().getContentType();
                    if (type == null || !type.startsWith(ApiJson.CONTENT_TYPE)) {
                        ApiErrors.respond(ctx, ApiErrors.ofStatus(status, ctx.path()));
                    }
                });
            }
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        return new CamrollServer(app, events, options);
    }

    private static void configure(JavalinConfig config, ServerOptions options) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.generateEtags = false;
        config.http.prefer405over404 = true;
        // JSON only: media is compressed already, and an event stream must not wait for a buffer to fill.
        CompressionStrategy compression = new CompressionStrategy(null, new Gzip());
        compression.setAllowedMimeTypes(List.of(ApiJson.CONTENT_TYPE));
        config.http.compressionStrategy = compression;
        config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MILLIS));
        // A multipart upload's parts are kept on disk past 1 MB; the limit holds for them too.
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.multipartConfig.maxFileSize(options.uploadLimit(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(options.uploadLimit() + (1 << 20), SizeUnit.BYTES);
        if (!options.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.path = Api.ROOT + "/*";
                for (String origin : options.corsOrigins()) {
                    rule.allowHost(origin);
                }
                // Bearer tokens only: a cookie of this server never rides along with another origin's call.
                rule.allowCredentials = false;
                rule.exposeHeader("ETag");
                rule.exposeHeader("Content-Range");
                rule.exposeHeader("Content-Disposition");
                rule.exposeHeader("Retry-After");
            }));
        }
    }

    /** The port it listens on (the one chosen when asked for port 0). */
    public int port() {
        return app.port();
    }

    /** Where clients reach it: {@code --base-url} if given, else the address it listens on. */
    public URI url() {
        if (options.baseUrl() != null) {
            return options.baseUrl();
        }
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    int eventClients() {
        return events.clientCount();
    }

    /** Stops taking requests, lets those in flight finish (up to 10 s), and closes the event streams. */
    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
