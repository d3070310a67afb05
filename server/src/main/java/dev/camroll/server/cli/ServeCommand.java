package dev.camroll.server.cli;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.core.access.Scope;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.library.ScopedLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Serves LIBRARY over HTTP: prints the URL and, at first start, the owner's token, brings the"
                    + " index up to date, then watches the folder until interrupted (Ctrl-C or SIGTERM,"
                    + " which let requests in flight finish).",
            "Every call of the API (/api/v1) needs the token as 'Authorization: Bearer TOKEN';"
                    + " camroll token LIBRARY --reset makes a new one.",
            "While no password is set, it prints a one-time link to choose the owner's password of the web"
                    + " pages (camroll owner password LIBRARY sets it at the terminal).",
            "--json: one line {url, api, localOnly, token (at first start), firstSignIn (while no password is set)},"
                    + " then the scan's report as one line."
        })
final class ServeCommand implements Callable<Integer> {

    /** How long Ctrl-C or SIGTERM waits for requests in flight and the library to close. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    @Mixin
    private LibraryMixin library;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = ServerOptions.LOCAL_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only;"
                    + " 0.0.0.0 for every address).")
    private String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 for a free one).")
    private int port;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description =
                    "The URL clients reach the server at, behind a reverse proxy (every link it hands out starts with it).")
    private URI baseUrl;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            description =
                    "An origin (https://app.example) whose pages may call the API with a bearer token; repeatable (default: none).")
    private List<String> corsOrigins;

    @Option(
            names = "--url-lifetime",
            paramLabel = "MINUTES",
            defaultValue = "60",
            description = "How long the signed media URLs the API hands out stay valid (default: ${DEFAULT-VALUE}).")
    private long urlLifetimeMinutes;

    @Option(
            names = "--upload-limit",
            paramLabel = "MiB",
            defaultValue = "4096",
            description = "The largest file an upload may bring, in MiB (default: ${DEFAULT-VALUE}).")
    private long uploadLimitMegabytes;

    @Option(
            names = "--no-thumbnails-ahead",
            description =
                    "Makes no thumbnails ahead after the scan (by default the grid thumbnail of every asset, then its"
                            + " preview, and those of each one found while watching, are made in the background at the"
                            + " lowest priority).")
    private boolean noThumbnailsAhead;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = new ServerOptions(
                host,
                port,
                baseUrl,
                corsOrigins,
                null,
                Duration.ofMinutes(Math.max(1, urlLifetimeMinutes)),
                uploadLimitMegabytes * (1L << 20),
                null);
        PrintWriter out = library.out();
        try (StopSignal stop = new StopSignal("camroll-serve-stop", STOP_WAIT);
                MediaLibrary opened = library.openForWatch()) {
            LocalMediaLibrary local = embedded(opened);
            ScopedLibrary scoped = local.scoped(Scope.owner());
            OwnerToken.Opened token = OwnerToken.openOrCreate(library.dataFolder());
            try (CamrollServer server = CamrollServer.start(local, library.dataFolder(), token.stored(), options)) {
                printStart(out, server, options, token);
                ScanReport report;
                boolean bar = !library.json() && ScanProgressBar.isInteractive();
                try (ScanProgressBar progress = bar ? new ScanProgressBar() : null) {
                    report = opened.scan(library.scanProgress(progress != null ? progress : ScanProgress.NONE));
                }
                if (!noThumbnailsAhead) {
                    makeThumbnailsAhead(scoped);
                }
                // Entries of assets removed while no server ran go, with or without thumbnails ahead.
                local.sweepCachesInBackground();
                synchronized (out) {
                    if (library.json()) {
                        out.println(ApiJson.writeLine(report));
                    } else {
                        out.print(ScanCommand.summary(report, false));
                        out.println("Watching the folder for changes; Ctrl-C stops.");
                    }
                    out.flush();
                }
                stop.await();
                out.println("Stopping: requests in flight finish first.");
                out.flush();
            }
        }
        return 0;
    }

    /**
     * Grid thumbnails and previews of every asset (all grids first), then of each one the watcher or a client adds or changes,
     * made in the background at the lowest priority (the library stops that when it closes); the
     * thumbnails of files deleted from the folder go with them.
     */
    private static void makeThumbnailsAhead(ScopedLibrary scoped) {
        scoped.addListener(scoped::followWithThumbnails);
        scoped.makeThumbnailsAhead();
    }

    private static LocalMediaLibrary embedded(MediaLibrary opened) {
        if (opened instanceof LocalMediaLibrary local) {
            return local;
        }
        throw new CamrollException(
                ErrorCode.INTERNAL,
                "the Camroll engine on the class path cannot serve: it is not the embedded library");
    }

    private void printStart(PrintWriter out, CamrollServer server, ServerOptions options, OwnerToken.Opened token) {
        String url = server.url().toString();
        String base = url.endsWith("/") ? url : url + "/";
        if (library.json()) {
            // One object for programs that start the server: where it is and, at first start, the token.
            Map<String, Object> started = new LinkedHashMap<>();
            started.put("url", base);
            started.put("api", base + "api/v1/");
            started.put("localOnly", options.localOnly());
            token.createdToken().ifPresent(created -> started.put("token", created));
            server.firstSignInLink().ifPresent(link -> started.put("firstSignIn", link.toString()));
            out.println(ApiJson.writeLine(started));
            out.flush();
            return;
        }
        out.println("Camroll serves " + TextFormat.text(library.root().toString()) + " at " + base);
        out.println(
                options.localOnly()
                        ? "Listening on " + options.host() + ":" + server.port()
                                + " only (this machine); --host 0.0.0.0 listens on every address."
                        : "Listening on " + options.host() + ":" + server.port() + ": other machines can reach it.");
        out.println("API: " + base + "api/v1/  (documentation: " + base + "api/v1/docs)");
        if (token.createdToken().isPresent()) {
            out.println("Owner token (shown only now): " + token.createdToken().get());
            out.println(
                    "Every API call sends it as 'Authorization: Bearer TOKEN'; camroll token LIBRARY --reset makes a new one.");
        } else {
            out.println("Owner token: the one printed at first start (camroll token "
                    + TextFormat.text(library.root().toString()) + " --reset makes a new one).");
        }
        server.firstSignInLink()
                .ifPresent(link -> out.println(
                        "Choose the owner's password of the web pages (this link works once, for 24 h): " + link));
        out.flush();
    }
}
