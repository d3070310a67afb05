package dev.camroll.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open {@code GET /api/v1/events} of one caller, its lines read on a virtual thread into a
 * queue; the end of the stream is a line of its own, so a test sees the server close it.
 */
final class SseStream implements AutoCloseable {
    /** What the reading thread queues when the server ends the stream. */
    private static final String ENDED = "\u0000ended";

    /** One {@code change} event: its id and its data, parsed. */
    record Event(String id, JsonNode data) {
        boolean fullReload() {
            return !data.path("hasIncrementalChanges").asBoolean(true);
        }

        /** The ids of one of the event's lists (insertedAssets, updatedAssets, deletedAssets). */
        java.util.Set<String> ids(String list) {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            data.path(list).forEach(id -> ids.add(id.asText()));
            return ids;
        }
    }

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final InputStream body;
    private volatile boolean ended;

    /** Opens the caller's stream and waits for the server's first comment, so that it counts from now. */
    SseStream(MatrixLibrary matrix, String bearer) throws InterruptedException {
        this(matrix, bearer, null);
    }

    /** Opens the caller's stream resuming from a token (the Last-Event-ID of a reconnection), if given. */
    SseStream(MatrixLibrary matrix, String bearer, String lastEventId) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(matrix.uri("/api/v1/events"))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                matrix.call(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("the event stream opens").isEqualTo(200);
        body = response.body();
        Thread.ofVirtual().name("matrix-sse").start(this::read);
        String first = lines.poll(10, TimeUnit.SECONDS);
        assertThat(first).as("the stream's first line").isNotNull().startsWith(":");
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException closedByTheTest) {
            // close() ended the stream.
        } finally {
            ended = true;
            lines.add(ENDED);
        }
    }

    /** The next change event within the time, or null: comments (the heartbeat) are passed over. */
    Event next(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String id = null;
        String data = null;
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(ENDED)) {
                if (line != null) {
                    lines.add(ENDED);
                }
                return null;
            }
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data = line.substring(5).strip();
            } else if (line.isEmpty() && data != null) {
                try {
                    return new Event(id, MatrixLibrary.JSON.readTree(data));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Whether the server ended the stream within the time. */
    boolean endsWithin(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return ended;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
