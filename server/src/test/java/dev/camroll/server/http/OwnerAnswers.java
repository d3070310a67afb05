package dev.camroll.server.http;

import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The owner's side of consent requests for tests in another process (the JavaScript module's):
 * a thread that answers each app's pending requests as that app's rule says, a moment after they
 * open, through the served library's grants, as the consent page records them.
 */
final class OwnerAnswers implements AutoCloseable {
    /** Long enough that the app's call is waiting when the answer comes. */
    private static final Duration DELAY = Duration.ofMillis(300);

    private final AppGrants grants;
    private final Map<AppId, Function<ConsentRequest, ConsentAnswer>> rules = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    OwnerAnswers(AppGrants grants) {
        this.grants = grants;
        this.thread = Thread.ofPlatform().daemon().name("owner-answers").start(this::answerAll);
    }

    /** How the owner answers this app's requests. */
    void answer(AppId app, Function<ConsentRequest, ConsentAnswer> rule) {
        rules.put(app, rule);
    }

    private void answerAll() {
        while (!closed) {
            try {
                List<ConsentRequest> pending = grants.pending();
                for (ConsentRequest request : pending) {
                    Function<ConsentRequest, ConsentAnswer> rule = rules.get(request.app());
                    if (rule != null && request.createdAt().plus(DELAY).isBefore(java.time.Instant.now())) {
                        grants.answer(request.id(), rule.apply(request));
                    }
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A request answered meanwhile: the next round sees it answered.
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join();
    }
}
