package dev.camroll.server.http;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.Subscription;
import dev.camroll.core.events.RoundListener;
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
 * too old. Each stream hears only of what its caller sees: the changes are asked of the caller's
 * own library, once per distinct caller and token, and the stream of an app whose authorization
 * ended is closed.
 */
final class EventHub implements AutoCloseable {
    private final Callers callers;
    private final List<EventClient> clients = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread pump;
    private final Thread heartbeat;
    private final Subscription subscription;
    private volatile boolean closed;

    EventHub(Callers callers, Duration heartbeatInterval) {
        this.callers = callers;
        // Every round, also one that changes nothing but an app's grant: that app's streams then
        // owe it a full reload, though the owner sees no change.
        this.subscription = callers.owner().addListener((RoundListener) changes -> wake.release());
        this.pump = Thread.ofVirtual().name("camroll-events").start(this::pump);
        this.heartbeat = Thread.ofVirtual().name("camroll-heartbeat").start(() -> beat(heartbeatInterval));
    }

    /** Takes a new stream: from Last-Event-ID's token if given (a bad one counts as too old), else from now. */
    void connect(SseClient sse) {
        Caller caller = Callers.of(sse.ctx());
        String lastEventId = sse.ctx().header("Last-Event-ID");
        String token = lastEventId == null || lastEventId.isBlank()
                ? callers.library(caller).changeToken()
                : lastEventId.strip();
        EventClient client = new EventClient(sse, caller, writers, token);
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
        Map<Map.Entry<Caller, String>, ChangeSet> byToken = new HashMap<>();
        Map<Caller, Boolean> valid = new HashMap<>();
        for (EventClient client : clients) {
            if (client.closed()) {
                clients.remove(client);
                continue;
            }
            if (!valid.computeIfAbsent(client.caller(), callers::stillValid)) {
                clients.remove(client);
                client.close();
                continue;
            }
            ChangeSet changes = byToken.computeIfAbsent(
                    Map.entry(client.caller(), client.token()),
                    key -> changesSince(callers.library(key.getKey()), key.getValue()));
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

    private static ChangeSet changesSince(ScopedLibrary library, String token) {
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
            // A token can end without a change of the library (the app revoked it itself, RFC
            // 7009): its streams end at the next beat at the latest.
            Map<Caller, Boolean> valid = new HashMap<>();
            for (EventClient client : clients) {
                if (!valid.computeIfAbsent(client.caller(), callers::stillValid)) {
                    clients.remove(client);
                    client.close();
                    continue;
                }
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
