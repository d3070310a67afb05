package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll serve} as a process of its own: what it prints, its token, and a clean stop on SIGTERM. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)/)");
    private static final Pattern TOKEN = Pattern.compile("Owner token \\(shown only now\\): ([A-Za-z0-9_-]{43})");

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A started serve process with the lines it printed up to "Watching". */
    private record Served(Process process, List<String> lines, URI url, String token, Thread reader) {}

    private Served serve(String... options) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("serve", root.toString(), "--port", "0"));
        arguments.addAll(List.of(options));
        Process process = new CliProcess()
                .builder(arguments.toArray(String[]::new))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new CopyOnWriteArrayList<>();
        URI url = null;
        String token = null;
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher address = URL.matcher(line);
            if (address.find()) {
                url = URI.create(address.group(1));
            }
            Matcher printed = TOKEN.matcher(line);
            if (printed.find()) {
                token = printed.group(1);
            }
            if (line.startsWith("Watching")) {
                break;
            }
        }
        assertThat(url).as("printed %s", lines).isNotNull();
        // The rest of the output is drained so that the process never blocks on a full pipe.
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                for (String rest; (rest = out.readLine()) != null; ) {
                    lines.add(rest);
                }
            } catch (IOException ended) {
                // The process is gone.
            }
        });
        return new Served(process, lines, url, token, reader);
    }

    private HttpResponse<String> get(Served served, String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(served.url().resolve(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsTheUrlTheLocalOnlyNoticeAndTheTokenOnceThenServesTheScannedLibrary() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        Served first = serve();
        String token;
        try {
            assertThat(first.lines())
                    .anySatisfy(line -> assertThat(line).contains("127.0.0.1").contains("only"));
            assertThat(first.token()).as("printed %s", first.lines()).isNotNull();
            token = first.token();
            HttpResponse<String> assets = get(first, "/api/v1/assets", token);
            assertThat(assets.statusCode()).isEqualTo(200);
            assertThat(assets.body()).contains("a.jpg");
            assertThat(get(first, "/api/v1/assets", "wrong").statusCode()).isEqualTo(401);
        } finally {
            stop(first.process());
        }

        Served second = serve();
        try {
            assertThat(second.token()).as("a token is printed only when made").isNull();
            assertThat(String.join("\n", second.lines())).doesNotContain(token);
            assertThat(get(second, "/api/v1/assets", token).statusCode()).isEqualTo(200);

            Cli.Result reset = new CliProcess().run("token", root.toString(), "--reset");
            assertThat(reset.exitCode()).isEqualTo(0);
            String fresh = reset.out().strip();
            assertThat(fresh).hasSize(43).isNotEqualTo(token);
            assertThat(get(second, "/api/v1/assets", token).statusCode()).isEqualTo(401);
            assertThat(get(second, "/api/v1/assets", fresh).statusCode()).isEqualTo(200);
        } finally {
            stop(second.process());
        }
    }

    @Test
    void makesGridThumbnailsAheadAfterTheScanAndForFilesFoundWhileWatching() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestMedia.jpeg(root.resolve("photo" + i + ".jpg"), 640, 480);
        }
        Served served = serve();
        try {
            // Nobody asks for a thumbnail: they are made in the background.
            assertThat(gridEntriesWithin(3, 60_000)).isEqualTo(3);
            assertThat(niceOfThread(served.process().pid(), "camroll-thumbs")).isEqualTo(19);

            TestMedia.jpeg(root.resolve("copied.jpg"), 640, 480);
            assertThat(gridEntriesWithin(4, 60_000)).isEqualTo(4);
        } finally {
            stop(served.process());
        }
        // Stopped with the server: nothing half-written is left in the cache.
        try (var files = Files.walk(root.resolve(".camroll/thumbnails"))) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith(".making-")))
                    .isEmpty();
        }
    }

    @Test
    void dropsCachedThumbnailsOfFilesDeletedWhileNoServerRan() throws Exception {
        TestMedia.jpeg(root.resolve("removed.jpg"), 640, 480);
        TestMedia.jpeg(root.resolve("kept.jpg"), 600, 480);
        Served first = serve("--no-thumbnails-ahead");
        List<String> ids;
        try {
            ids = assetIds(get(first, "/api/v1/assets", first.token()).body());
            assertThat(ids).hasSize(2);
            for (String id : ids) {
                assertThat(get(first, "/api/v1/assets/" + id + "/thumbnail?size=grid", first.token())
                                .statusCode())
                        .isEqualTo(200);
            }
        } finally {
            stop(first.process());
        }
        // Deleted with no server running, and indexed by a plain scan in a process of its own.
        Files.delete(root.resolve("removed.jpg"));
        assertThat(new CliProcess().run("scan", root.toString()).exitCode()).isEqualTo(0);
        Path thumbnails = root.resolve(".camroll/thumbnails");

        Served second = serve("--no-thumbnails-ahead");
        try {
            String kept = assetIds(get(second, "/api/v1/assets", first.token()).body())
                    .getFirst();
            String removed =
                    ids.stream().filter(id -> !id.equals(kept)).findFirst().orElseThrow();
            Path removedFolder = thumbnails.resolve(removed.substring(0, 2)).resolve(removed);
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.exists(removedFolder) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(removedFolder).as("swept at the server's start").doesNotExist();
            assertThat(thumbnails.resolve(kept.substring(0, 2)).resolve(kept)).isNotEmptyDirectory();
        } finally {
            stop(second.process());
        }
    }

    private static List<String> assetIds(String body) {
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"").matcher(body);
        List<String> found = new java.util.ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        return found;
    }

    /** How many grid thumbnails the data folder holds, once it holds {@code count} or the time is up. */
    private long gridEntriesWithin(int count, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        long found;
        do {
            Path folder = root.resolve(".camroll/thumbnails");
            found = 0;
            if (Files.isDirectory(folder)) {
                try (var files = Files.walk(folder)) {
                    found = files.filter(file -> file.getFileName().toString().startsWith("grid-"))
                            .count();
                }
            }
            if (found >= count) {
                return found;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return found;
    }

    /** The nice value of a process's thread of that name, from /proc (Linux), or -100 when there is none. */
    private static int niceOfThread(long pid, String name) throws IOException {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the command's closing parenthesis: state is the 3rd field, nice the 19th.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[16]);
                }
            }
        }
        return -100;
    }

    @Test
    void sigtermLetsADownloadInFlightFinishThenEnds() throws Exception {
        // A large file, read slowly: the download is still going when the signal comes.
        Path big = TestMedia.jpeg(root.resolve("big.jpg"), 64, 48);
        byte[] padding = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big, StandardOpenOption.APPEND)) {
            for (int i = 0; i < 48; i++) {
                out.write(padding);
            }
        }
        long size = Files.size(big);
        Served served = serve();
        try {
            assertThat(served.token()).as("printed %s", served.lines()).isNotNull();
            HttpResponse<String> page = get(served, "/api/v1/assets", served.token());
            String id = TestServerJson.firstId(page.body());
            HttpResponse<InputStream> download = http.send(
                    HttpRequest.newBuilder(served.url().resolve("/api/v1/assets/" + id + "/original"))
                            .header("Authorization", "Bearer " + served.token())
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            long read = 0;
            try (InputStream body = download.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n = body.read(buffer);
                read += n;
                served.process().destroy(); // SIGTERM
                Thread.sleep(500);
                while ((n = body.read(buffer)) >= 0) {
                    read += n;
                }
            }
            assertThat(read).isEqualTo(size);
            assertThat(served.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            served.process().destroyForcibly();
        }
        // The library closed cleanly: a query finds its index whole.
        Cli.Result assets = new CliProcess().run("assets", root.toString());
        assertThat(assets.exitCode()).isEqualTo(0);
        assertThat(assets.out()).contains("big.jpg");
    }

    @Test
    void withJsonPrintsWhereItIsAndTheTokenAsOneObject() throws Exception {
        Process process = new CliProcess()
                .builder("serve", root.toString(), "--port", "0", "--json")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var started = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.readLine());
            assertThat(started.path("localOnly").asBoolean()).isTrue();
            assertThat(started.path("token").asText()).hasSize(43);
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.readLine());
            assertThat(report.has("added")).isTrue();
            HttpResponse<String> assets = http.send(
                    HttpRequest.newBuilder(URI.create(started.path("api").asText() + "assets"))
                            .header(
                                    "Authorization",
                                    "Bearer " + started.path("token").asText())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(assets.statusCode()).isEqualTo(200);
        } finally {
            stop(process);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop on SIGTERM");
        }
    }

    /** The first asset id of a page, without a JSON library of the command's own. */
    private static final class TestServerJson {
        static String firstId(String page) {
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page);
            assertThat(id.find()).as(page).isTrue();
            return id.group(1);
        }
    }
}
