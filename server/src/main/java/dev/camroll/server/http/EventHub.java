package dev.camroll.server.http;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.Subscription;
import dev.camroll.core.library.ScopedLibrary;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The live change events of {@code /api/v1/events}. One thread (virtual) wakes on each change
 * the library reports (its own writes, the watcher's and other processes') and on each new
 * client, asks the library what changed since each token its clients are at (once per distinct
 * token: in the steady state all are at the same one) and queues one event per client; every
 * heartbeat, each client gets a comment. The change token is the event id, so a client that
 * reconnects with Last-Event-ID gets what it missed, or one full-reload event when the token is
 * too old.
 */
final class EventHub implements AutoCloseable {
    private final ScopedLibrary library;
    private final List<EventClient> clients = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread pump;
    private final Thread heartbeat;
    private final Subscription subscription;
    private volatile boolean closed;

    EventHub(ScopedLibrary library, Duration heartbeatInterval) {
        this.library = library;
        this.subscription = library.addListener(changes -> wake.release());
        this.pump = Thread.ofVirtual().name("camroll-events").start(this::pump);
        this.heartbeat = Thread.ofVirtual().name("camroll-heartbeat").start(() -> beat(heartbeatInterval));
    }

    /** Takes a new stream: from Last-Event-ID's token if given (a bad one counts as too old), else from now. */
    void connect(SseClient sse) {
        String lastEventId = sse.ctx().header("Last-Event-ID");
        String token = lastEventId == null || lastEventId.isBlank() ? library.changeToken() : lastEventId.strip();
        EventClient client = new EventClient(sse, writers, token);
        sse.onClose(() -> clients.remove(client));
        clients.add(client);
        // A comment at once, so that the client knows the stream is open.
        client.send(new EventClient.Comment("connected"));
        sse.keepAlive();
        wake.release();
    }

    int clientCount() {
        return clients.size();
    }

    private void pump() {
        while (!closed) {
            try {
                wake.acquire();
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                deliver();
            }
        }
    }

    /** One event per client that is behind, computed once per distinct token. */
    private void deliver() {
        Map<String, ChangeSet> byToken = new HashMap<>();
        for (EventClient client : clients) {
            if (client.closed()) {
                clients.remove(client);
                continue;
            }
            ChangeSet changes = byToken.computeIfAbsent(client.token(), this::changesSince);
            if (changes.hasIncrementalChanges()
                    && changes.insertedAssets().isEmpty()
                    && changes.updatedAssets().isEmpty()
                    && changes.deletedAssets().isEmpty()) {
                continue;
            }
            client.token(changes.nextToken());
            client.send(new EventClient.Event(changes.nextToken(), dev.camroll.wire.ApiJson.writeLine(changes)));
        }
    }

    private ChangeSet changesSince(String token) {
        try {
            return library.changesSince(token);
        } catch (InvalidArgumentException notAToken) {
            return ChangeSet.fullReload(library.changeToken());
        }
    }

    private void beat(Duration interval) {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            for (EventClient client : clients) {
                client.send(new EventClient.Comment("heartbeat"));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        subscription.remove();
        pump.interrupt();
        heartbeat.interrupt();
        for (EventClient client : clients) {
            client.close();
        }
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
