package dev.camroll.server.http;

import io.javalin.http.sse.SseClient;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open event stream. What it is sent is queued and written by a short task on a virtual
 * thread, in order, so that a slow client holds up neither the others nor the hub; between
 * events the stream holds no thread at all.
 */
final class EventClient {
    /** What to write: an event with its id, or a comment (the heartbeat). */
    sealed interface Message {}

    record Event(String id, String data) implements Message {}

    record Comment(String text) implements Message {}

    private final SseClient sse;
    private final Caller caller;
    private final Executor writers;
    private final Queue<Message> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    /** The change token the client has been sent up to; only the hub's thread reads and writes it. */
    private String token;

    EventClient(SseClient sse, Caller caller, Executor writers, String token) {
        this.sse = sse;
        this.caller = caller;
        this.writers = writers;
        this.token = token;
    }

    /** Whom the stream was opened for: it hears only of what that caller sees. */
    Caller caller() {
        return caller;
    }

    String token() {
        return token;
    }

    void token(String token) {
        this.token = token;
    }

    boolean closed() {
        return sse.terminated();
    }

    void send(Message message) {
        queue.add(message);
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Message message;
            while ((message = queue.poll()) != null) {
                if (sse.terminated()) {
                    queue.clear();
                    break;
                }
                switch (message) {
                    case Event event -> sse.sendEvent("change", event.data(), event.id());
                    case Comment comment -> sse.sendComment(comment.text());
                }
            }
            writing.set(false);
            // A message queued after the last poll but before the flag was cleared is written now.
            if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    void close() {
        sse.close();
    }
}
