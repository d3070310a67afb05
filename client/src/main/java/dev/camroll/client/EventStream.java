package dev.camroll.client;

import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.Subscription;
import dev.camroll.wire.ApiJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of a client over one connection to {@code /api/v1/events}, whatever their number.
 * The connection opens with the first listener, from the change token of that moment, so that no
 * change made after {@code addListener} returns is missed. When it drops (the server restarted,
 * the network went away) it is opened again with {@code Last-Event-ID} set to the token of the
 * last event, and the server sends what was missed, or one event without incremental changes
 * when the token is too old. It closes when the last listener goes.
 */
final class EventStream {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 2_000;

    /**
     * How long a stream may stay silent before it counts as dead and is opened again: three of the
     * server's heartbeats (every 15 s). A connection cut without a word (a network gone, a machine
     * asleep) ends no read by itself.
     */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(45);

    private final HttpApi api;
    private final Duration silenceLimit;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private Connection connection;

    EventStream(HttpApi api, Duration silenceLimit) {
        this.api = api;
        this.silenceLimit = silenceLimit;
    }

    /**
     * Adds a listener; the first one opens the stream from {@code currentToken}'s answer, taken
     * before the stream opens so that a change made meanwhile is heard too.
     */
    synchronized Subscription add(ChangeListener listener, Supplier<String> currentToken) {
        if (connection == null) {
            connection = new Connection(currentToken.get());
        }
        listeners.add(listener);
        return () -> remove(listener);
    }

    private synchronized void remove(ChangeListener listener) {
        listeners.remove(listener);
        if (listeners.isEmpty()) {
            stop();
        }
    }

    synchronized void removeAll() {
        listeners.clear();
        stop();
    }

    private void stop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void deliver(ChangeSet changes) {
        for (ChangeListener listener : listeners) {
            try {
                listener.onChange(changes);
            } catch (RuntimeException e) {
                // One failing listener must not keep the others from hearing of the change.
                LOG.log(Level.WARNING, "a change listener failed", e);
            }
        }
    }

    /** One reading thread that keeps a stream open, reconnecting from the last token it saw. */
    private final class Connection {
        private final Thread reader;
        private volatile String lastToken;
        private volatile boolean closed;
        private volatile InputStream open;
        private volatile long lastHeard = System.nanoTime();
        private final Thread watchdog;

        Connection(String fromToken) {
            this.lastToken = fromToken;
            this.reader = Thread.ofVirtual().name("camroll-client-events").start(this::run);
            this.watchdog =
                    Thread.ofVirtual().name("camroll-client-events-watchdog").start(this::watch);
        }

        /** Closes a stream silent for longer than the limit, so that the reader opens it again. */
        private void watch() {
            long check = Math.max(silenceLimit.toMillis() / 4, 10);
            while (!closed) {
                try {
                    Thread.sleep(check);
                } catch (InterruptedException e) {
                    return;
                }
                InputStream in = open;
                if (in != null && System.nanoTime() - lastHeard > silenceLimit.toNanos()) {
                    LOG.log(Level.FINE, "the event stream was silent for {0}; reconnecting", silenceLimit);
                    lastHeard = System.nanoTime();
                    closeQuietly(in);
                }
            }
        }

        private void run() {
            long retry = FIRST_RETRY_MILLIS;
            while (!closed) {
                try {
                    if (readOnce()) {
                        retry = FIRST_RETRY_MILLIS;
                    }
                } catch (IOException | RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.log(Level.FINE, "the event stream dropped; reconnecting", e);
                }
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException e) {
                    return;
                }
                retry = Math.min(retry * 2, LAST_RETRY_MILLIS);
            }
        }

        /** Reads one connection until it ends; whether it was open at all. */
        private boolean readOnce() throws IOException {
            HttpRequest.Builder request =
                    api.request("events").timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream");
            if (lastToken != null) {
                request.header("Last-Event-ID", lastToken);
            }
            HttpResponse<InputStream> response = api.stream(request.GET().build());
            try (InputStream in = response.body();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                lastHeard = System.nanoTime();
                open = in;
                if (closed) {
                    return true;
                }
                read(lines);
            } finally {
                open = null;
            }
            return true;
        }

        /** Server-sent events: fields until a blank line, then the event; comments (heartbeats) skipped. */
        private void read(BufferedReader lines) throws IOException {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line; !closed && (line = lines.readLine()) != null; ) {
                lastHeard = System.nanoTime();
                if (line.isEmpty()) {
                    if (data.length() > 0 && (event == null || event.equals("change"))) {
                        ChangeSet changes = ApiJson.readChangeSet(data.toString());
                        lastToken = id != null ? id : changes.nextToken();
                        deliver(changes);
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" ->
                            data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> {
                            // retry and unknown fields: nothing to do.
                        }
                    }
                }
            }
        }

        void close() {
            closed = true;
            reader.interrupt();
            watchdog.interrupt();
            InputStream in = open;
            if (in != null) {
                closeQuietly(in);
            }
        }

        private static void closeQuietly(InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted; the reader ends either way.
            }
        }
    }
}
