package dev.camroll.server.http;

import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.oauth.OAuthServer;
import dev.camroll.server.http.oauth.OwnerCheck;
import dev.camroll.server.http.oauth.RegistrationThrottle;
import dev.camroll.server.http.owner.ClientAddress;
import dev.camroll.server.http.owner.FirstSignIn;
import dev.camroll.server.http.owner.OwnerPages;
import dev.camroll.server.http.owner.OwnerPassword;
import dev.camroll.server.http.owner.PasswordPage;
import dev.camroll.server.http.owner.SessionCookie;
import dev.camroll.server.http.owner.Sessions;
import dev.camroll.server.http.owner.SignInPages;
import dev.camroll.server.http.owner.SignInThrottle;
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
import java.util.Optional;

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
    private final FirstSignIn firstSignIn;

    private CamrollServer(Javalin app, EventHub events, ServerOptions options, FirstSignIn firstSignIn) {
        this.app = app;
        this.events = events;
        this.options = options;
        this.firstSignIn = firstSignIn;
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
        return start(library, dataDir, token, options, renditionWait, Clock.systemUTC());
    }

    /** {@link #start(LocalMediaLibrary, Path, OwnerToken, ServerOptions, Duration)} on this clock (sessions, sign-in, URLs). */
    static CamrollServer start(
            LocalMediaLibrary library,
            Path dataDir,
            OwnerToken token,
            ServerOptions options,
            Duration renditionWait,
            Clock clock) {
        MediaUrls urls = new MediaUrls(UrlSigner.load(dataDir), options.baseUrl(), options.mediaUrlLifetime(), clock);
        OwnerPassword password = OwnerPassword.of(dataDir);
        Sessions sessions = new Sessions(clock, password::stamp);
        Callers callers = new Callers(library, library.apps().withAccessLifetime(options.accessTokenLifetime()));
        Authentication authentication = new Authentication(token, sessions, urls, callers);
        FirstSignIn firstSignIn = FirstSignIn.forServer(password, clock);
        SignInThrottle throttle = new SignInThrottle(clock);
        OwnerPages ownerPages = new OwnerPages(sessions, options.baseUrl());
        SignInPages signInPages = new SignInPages(
                password,
                sessions,
                throttle,
                firstSignIn,
                ownerPages,
                options.baseUrl(),
                authentication::ownerIdentity);
        EventHub events = new EventHub(callers, options.heartbeat());
        Javalin app = Javalin.create(config -> {
            configure(config, options);
            var routes = config.routes;
            routes.before(Api.ROOT + "/*", authentication::check);
            routes.before(Api.ROOT, authentication::check);
            new AssetRoutes(callers, urls).register(routes);
            new OriginalRoute(callers).register(routes);
            new PairedVideoRoute(callers).register(routes);
            new ThumbnailRoute(callers).register(routes);
            new RenditionRoute(callers, renditionWait).register(routes);
            new UploadRoute(callers, urls, dataDir, options.uploadLimit()).register(routes);
            new AlbumRoutes(callers).register(routes);
            new LibraryRoutes(callers).register(routes);
            new PermissionRoutes(library.grants(), urls::absolute).register(routes);
            new SessionRoutes(sessions, authentication, new SessionCookie(options.baseUrl())).register(routes);
            ownerPages.register(routes);
            signInPages.register(routes);
            new PasswordPage(password, sessions, throttle, ownerPages, signInPages, options.baseUrl()).register(routes);
            new OAuthServer(
                            callers.apps(),
                            library.grants(),
                            options.accessTokenLifetime(),
                            ownerCheck(ownerPages),
                            urls::absolute,
                            library,
                            library.accessLog(),
                            new RegistrationThrottle(clock, ctx -> ClientAddress.of(ctx, options.baseUrl())))
                    .register(routes);
            new ApiDocs().register(routes);
            new ClientModuleRoute().register(routes);
            new WebFiles().register(routes);
            routes.sse(Api.ROOT + "/events", new SseHandler(0, events::connect));
            routes.exception(Exception.class, ApiErrors::respond);
            for (int status : new int[] {404, 405}) {
                routes.error(status, ctx -> {
                    // Javalin's own answer (no route, wrong method) is text: the API answers in its error shape.
                    // An owner's page that says "unknown" (a 404 in HTML) is kept as it is.
                    String type = ctx.res().getContentType();
                    if (type == null || !(type.startsWith(ApiJson.CONTENT_TYPE) || type.startsWith("text/html"))) {
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
        return new CamrollServer(app, events, options, firstSignIn);
    }

    /** The consent pages are the owner's: signed in (else sent to sign in and back), forms from this site only. */
    private static OwnerCheck ownerCheck(OwnerPages pages) {
        return new OwnerCheck() {
            @Override
            public String formField(io.javalin.http.Context ctx) {
                return OwnerPages.formToken(pages.requireOwner(ctx));
            }

            @Override
            public void checkForm(io.javalin.http.Context ctx) {
                pages.checkForm(ctx, pages.requireOwner(ctx));
            }
        };
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

    /**
     * The one-time link to choose the owner's password, while none is set: valid until used, until
     * this server stops, or for 24 hours.
     */
    public Optional<URI> firstSignInLink() {
        return firstSignIn.code().map(code -> url().resolve(FirstSignIn.PATH + "?code=" + code));
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
