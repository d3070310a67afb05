package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {
    @TempDir
    Path root;

    /** An open stream, its lines read on a thread of their own into a queue. */
    private static final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
        private final InputStream body;

        Stream(TestServer server, String lastEventId) throws Exception {
            var request = server.request("/api/v1/events").header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response =
                    server.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            body = response.body();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (Exception closed) {
                    // The test closed the stream.
                }
            });
        }

        /** The next event: its id and its data, parsed. */
        record Event(String id, JsonNode data) {}

        Event next(Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            String id = null;
            String data = null;
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return null;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                } else if (line.isEmpty() && data != null) {
                    return new Event(id, TestServer.JSON.readTree(data));
                }
            }
        }

        boolean sawComment(String text, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            String line;
            while ((line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                if (line.startsWith(":") && line.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void aWriteReachesAConnectedClientWithin500MsWithTheTokenAsId() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root);
                Stream stream = new Stream(server, null)) {
            assertThat(stream.sawComment("connected", Duration.ofSeconds(5))).isTrue();
            String id = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();
            long started = System.nanoTime();
            assertThat(server.put("/api/v1/assets/" + id + "/favorite", "{\"favorite\":true}")
                            .statusCode())
                    .isEqualTo(204);
            Stream.Event event = stream.next(Duration.ofSeconds(5));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(event).isNotNull();
            assertThat(millis).isLessThan(500);
            assertThat(event.data().path("hasIncrementalChanges").asBoolean()).isTrue();
            assertThat(event.data().path("updatedAssets").get(0).asText()).isEqualTo(id);
            assertThat(event.id()).isEqualTo(event.data().path("nextToken").asText());
        }
    }

    @Test
    void aFileCopiedIntoTheFolderReachesTheStream() throws Exception {
        try (TestServer server = TestServer.start(root);
                Stream stream = new Stream(server, null)) {
            assertThat(stream.sawComment("connected", Duration.ofSeconds(5))).isTrue();
            Path outside =
                    TestMedia.jpeg(Files.createTempDirectory("camroll-outside").resolve("new.jpg"), 30, 20);
            Files.copy(outside, root.resolve("new.jpg"));
            Stream.Event event = stream.next(Duration.ofSeconds(10));
            assertThat(event).isNotNull();
            assertThat(event.data().path("insertedAssets")).hasSize(1);
        }
    }

    @Test
    void lastEventIdResumesAndATokenThatIsNoneGivesOneFullReload() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            String token = TestServer.json(server.get("/api/v1/changes/token"))
                    .path("token")
                    .asText();
            String id = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();
            server.put("/api/v1/assets/" + id + "/favorite", "{\"favorite\":true}");
            try (Stream resumed = new Stream(server, token)) {
                Stream.Event missed = resumed.next(Duration.ofSeconds(5));
                assertThat(missed).isNotNull();
                assertThat(missed.data().path("updatedAssets").get(0).asText()).isEqualTo(id);
            }
            try (Stream stale = new Stream(server, "j1.garbage")) {
                Stream.Event reload = stale.next(Duration.ofSeconds(5));
                assertThat(reload).isNotNull();
                assertThat(reload.data().path("hasIncrementalChanges").asBoolean())
                        .isFalse();
                assertThat(stale.next(Duration.ofMillis(500))).as("only one").isNull();
            }
        }
    }

    @Test
    void heartbeatsKeepAQuietStreamOpen() throws Exception {
        try (TestServer server =
                        TestServer.start(root, ServerOptions.defaults().withHeartbeat(Duration.ofMillis(200)));
                Stream stream = new Stream(server, null)) {
            assertThat(stream.sawComment("heartbeat", Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void twoHundredClientsCostNoPlatformThreadEach() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            int before = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Stream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    streams.add(new Stream(server, null));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (server.server.eventClients() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(server.server.eventClients()).isEqualTo(200);
                int during = ManagementFactory.getThreadMXBean().getThreadCount();
                // The client's own reading threads are virtual too: what grows is only the JDK's carriers.
                assertThat(during - before)
                        .as("platform threads added for 200 streams")
                        .isLessThan(40);
                String id = TestServer.json(server.get("/api/v1/assets"))
                        .path("assets")
                        .get(0)
                        .path("id")
                        .asText();
                server.put("/api/v1/assets/" + id + "/favorite", "{\"favorite\":true}");
                for (Stream stream : streams) {
                    assertThat(stream.next(Duration.ofSeconds(10))).isNotNull();
                }
            } finally {
                for (Stream stream : streams) {
                    stream.close();
                }
            }
        }
    }
}
