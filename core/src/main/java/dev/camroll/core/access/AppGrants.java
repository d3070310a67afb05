package dev.camroll.core.access;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.PermissionStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state of every app of a library, and the person's answers to their requests: what each
 * app may see ({@link #scope}), expo-media-library's permission calls ({@link #permissions},
 * {@link #request}), the consent requests and their answers, and the owner's direct settings.
 * Kept in the index, so that every process of the library shares it; a one-time grant that has
 * ended is put back to undetermined the first time it is read after its end.
 */
public final class AppGrants {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration AWAIT_POLL = Duration.ofMillis(100);

    private final GrantStore store;
    private final Clock clock;
    private final Object answered = new Object();
    private volatile ConsentHandler handler;
    private volatile ConfirmedChanges confirmedChanges;

    public AppGrants(GrantStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The grant of an app as it stands now: undetermined for one never seen, or whose one-time grant ended. */
    public Grant grant(AppId app) {
        Optional<Grant> stored = store.find(app);
        if (stored.isEmpty()) {
            return Grant.undetermined();
        }
        Grant grant = stored.get();
        if (!grant.expiredAt(clock.instant())) {
            return grant;
        }
        Grant ended = afterOneTimeGrant(grant);
        try {
            return store.save(app, ended, Optional.of(Selection.empty()));
        } catch (CamrollException e) {
            if (e.code() != ErrorCode.READ_ONLY) {
                throw e;
            }
            // A read-only index cannot record the end; it is applied all the same.
            return ended;
        }
    }

    /** What the app sees now. */
    public AppScope scope(AppId app) {
        return new AppScope(app, grant(app));
    }

    /** expo's getPermissionsAsync: the state of the app for the permissions it names. */
    public PermissionResponse permissions(AppId app, boolean writeOnly, Set<GranularPermission> granular) {
        return response(grant(app), writeOnly, asked(granular));
    }

    /**
     * expo's requestPermissionsAsync: answered at once when the app has what it asks for or may
     * not ask again; otherwise a pending request, which the registered {@link ConsentHandler}
     * (if any) answers at once or leaves to the consent page.
     */
    public ConsentRequest request(AppId app, boolean writeOnly, Set<GranularPermission> granular) {
        PermissionResponse now = permissions(app, writeOnly, granular);
        boolean nothingToAsk = now.granted() || !now.canAskAgain();
        return open(app, ConsentRequest.Kind.PERMISSIONS, writeOnly, asked(granular), nothingToAsk);
    }

    /**
     * presentPermissionsPicker: a request for a new selection, the current one preselected (see
     * {@link #selection}); answered at once, changing nothing, for an app that sees everything.
     */
    public ConsentRequest requestReselection(AppId app, Set<GranularPermission> granular) {
        Grant grant = grant(app);
        boolean nothingToAsk = grant.readsLibrary() && grant.privileges() == AccessPrivileges.ALL;
        return open(app, ConsentRequest.Kind.RESELECTION, false, asked(granular), nothingToAsk);
    }

    /**
     * Opens a request, one pending per app: asking what is pending returns the pending request
     * (the embedding program was asked about it already), asking something else replaces it.
     */
    private ConsentRequest open(
            AppId app, ConsentRequest.Kind kind, boolean writeOnly, Set<GranularPermission> granular, boolean done) {
        Instant now = clock.instant();
        ConsentRequest asked = new ConsentRequest(
                newId(), app, kind, writeOnly, granular, now, done ? Optional.of(now) : Optional.empty());
        ConsentRequest standing = store.open(asked);
        if (!standing.id().equals(asked.id())) {
            return standing;
        }
        if (!done) {
            // A request it replaced has waiters: they follow to this one.
            wakeWaiters();
        }
        ConsentHandler answering = handler;
        if (!done && answering != null) {
            Optional<ConsentAnswer> answer = answering.answer(asked);
            if (answer.isPresent()) {
                answer(asked.id(), answer.get());
            }
        }
        return find(asked.id()).orElseThrow();
    }

    /** The requests waiting for the person, oldest first. */
    public List<ConsentRequest> pending() {
        return store.pending();
    }

    public Optional<ConsentRequest> find(String requestId) {
        return requestId == null ? Optional.empty() : store.request(requestId);
    }

    /**
     * The request that stands for this one now: itself, or the request of the same app that
     * replaced it (asking something else while it was pending), following every replacement.
     */
    public Optional<ConsentRequest> current(String requestId) {
        Optional<ConsentRequest> found = find(requestId);
        // A replacement is always newer than what it replaced: no loop. The bound guards a damaged index.
        for (int step = 0; step < 1_000 && found.isPresent(); step++) {
            Optional<String> next = found.get().supersededBy();
            if (next.isEmpty()) {
                return found;
            }
            found = find(next.get());
        }
        return found;
    }

    /** The current selection of an app, preselected on the selection page. */
    public Selection selection(AppId app) {
        return store.selection(app);
    }

    /**
     * The person's answer to a pending request: the app's grant changes as it says, at once.
     *
     * @throws NotFoundException for an unknown request
     * @throws CamrollException with code {@code conflict} for a request answered already
     */
    public PermissionResponse answer(String requestId, ConsentAnswer answer) {
        ConsentRequest request =
                find(requestId).orElseThrow(() -> new NotFoundException("request", List.of(String.valueOf(requestId))));
        if (request.supersededBy().isPresent()) {
            throw new CamrollException(
                    ErrorCode.CONFLICT,
                    "the request " + requestId + " was replaced by the app's newer request "
                            + request.supersededBy().get());
        }
        if (!request.pending()) {
            throw answeredAlready(requestId);
        }
        Grant before = grant(request.app());
        Instant now = clock.instant();
        Grant after = GrantChanges.afterAnswer(before, request, answer, now);
        Optional<Selection> selection = answer instanceof ConsentAnswer.AllowSelected selected
                ? Optional.of(selected.selection())
                : Optional.empty();
        if (store.answer(requestId, now, after, selection).isEmpty()) {
            throw answeredAlready(requestId);
        }
        wakeWaiters();
        return permissions(request.app(), request.writeOnly(), request.granular());
    }

    private void wakeWaiters() {
        synchronized (answered) {
            answered.notifyAll();
        }
    }

    /**
     * Waits up to {@code timeout} for the person to answer a request (the HTTP long poll); the
     * app's state for what it asked, answered or not. A request replaced by a newer one of the
     * app is waited on through that one ({@link #current}), whose state is returned.
     */
    public PermissionResponse await(String requestId, Duration timeout) {
        Instant end = clock.instant().plus(timeout);
        while (true) {
            ConsentRequest request = current(requestId)
                    .orElseThrow(() -> new NotFoundException("request", List.of(String.valueOf(requestId))));
            Duration left = Duration.between(clock.instant(), end);
            if (!request.pending() || left.isNegative() || left.isZero()) {
                return permissions(request.app(), request.writeOnly(), request.granular());
            }
            // Another process may answer: woken by this one's answers, polling for the others'.
            synchronized (answered) {
                try {
                    answered.wait(Math.max(1, Math.min(left.toMillis(), AWAIT_POLL.toMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CamrollException(ErrorCode.UNAVAILABLE, "interrupted while waiting for an answer");
                }
            }
        }
    }

    /** The owner sets an app's grant directly (an app added by hand, a changed grant). */
    public PermissionResponse set(AppId app, Grant grant) {
        Grant stored = store.save(app, grant, Optional.empty());
        return response(stored, stored.writeOnly(), stored.mediaTypes());
    }

    /** The owner sets a limited grant with its selection. */
    public PermissionResponse set(AppId app, Grant grant, Selection selection) {
        Grant stored = store.save(app, grant, Optional.of(selection));
        return response(stored, stored.writeOnly(), stored.mediaTypes());
    }

    /** Back to nothing, the app may ask again. */
    public void revoke(AppId app) {
        store.save(app, Grant.undetermined(), Optional.of(Selection.empty()));
    }

    /**
     * Registers how an embedding program answers requests (one handler; null for none): requests
     * it leaves unanswered, and all when there is none, stay pending.
     */
    public void onRequest(ConsentHandler handler) {
        this.handler = handler;
    }

    /**
     * Opens a request for the owner to confirm a change an app asked of assets it did not create
     * (nothing of it is done until then), and returns the exception that tells the app so.
     */
    public ConfirmationRequiredException requestChange(
            AppId app, ChangeOperation operation, List<String> assetIds, Optional<String> albumId, boolean flag) {
        ChangeRequest request = new ChangeRequest(
                newId(), app, operation, assetIds, albumId, flag, clock.instant(), Optional.empty(), Optional.empty());
        store.openChange(request);
        return new ConfirmationRequiredException(request);
    }

    /** The changes waiting for the owner's confirmation, oldest first. */
    public List<ChangeRequest> pendingChanges() {
        return store.pendingChanges();
    }

    public Optional<ChangeRequest> findChange(String requestId) {
        return requestId == null ? Optional.empty() : store.change(requestId);
    }

    /**
     * The owner confirms a change: it is carried out now, as the app asked it, on what the app
     * still sees.
     *
     * @throws NotFoundException for an unknown request
     * @throws CamrollException with code {@code conflict} for a request answered already
     */
    public void confirm(String requestId) {
        ChangeRequest request = answerChange(requestId, true);
        ConfirmedChanges carrying = confirmedChanges;
        if (carrying == null) {
            throw new CamrollException(ErrorCode.UNAVAILABLE, "no library carries out confirmed changes");
        }
        carrying.carryOut(request);
    }

    /** The owner refuses a change: nothing is done. */
    public void decline(String requestId) {
        answerChange(requestId, false);
    }

    private ChangeRequest answerChange(String requestId, boolean confirmed) {
        ChangeRequest request = findChange(requestId)
                .orElseThrow(() -> new NotFoundException("request", List.of(String.valueOf(requestId))));
        if (!store.answerChange(requestId, clock.instant(), confirmed)) {
            throw answeredAlready(requestId);
        }
        return request;
    }

    /** How confirmed changes are carried out: the library registers itself when it opens. */
    public void carryOutConfirmedWith(ConfirmedChanges changes) {
        this.confirmedChanges = changes;
    }

    /** Records that an app created an asset: the app sees it and may change it from now on. */
    public void recordCreated(AppId app, String assetId) {
        store.recordCreated(app, assetId);
    }

    /** Whether an app created an asset. */
    public boolean created(AppId app, String assetId) {
        return store.created(app, assetId);
    }

    static PermissionResponse response(Grant grant, boolean writeOnly, Set<GranularPermission> asked) {
        boolean serves = writeOnly ? grant.writes() : grant.readsLibrary();
        boolean granted = serves && grant.mediaTypes().containsAll(asked);
        PermissionStatus status = granted
                ? PermissionStatus.GRANTED
                : grant.status() == PermissionStatus.DENIED ? PermissionStatus.DENIED : PermissionStatus.UNDETERMINED;
        return new PermissionResponse(
                status,
                grant.canAskAgain(),
                grant.expires(),
                grant.writes() ? grant.privileges() : AccessPrivileges.NONE,
                grant.writes() ? grant.mediaTypes() : Set.of(),
                grant.writeOnly(),
                grant.writes() && grant.location());
    }

    private static Grant afterOneTimeGrant(Grant grant) {
        return new Grant(
                PermissionStatus.UNDETERMINED,
                AccessPrivileges.NONE,
                Set.of(),
                false,
                false,
                Optional.empty(),
                grant.canAskAgain(),
                grant.denials(),
                grant.capabilities(),
                grant.latestSelection(),
                grant.version());
    }

    private static Set<GranularPermission> asked(Set<GranularPermission> granular) {
        return granular == null || granular.isEmpty() ? EnumSet.allOf(GranularPermission.class) : granular;
    }

    private static CamrollException answeredAlready(String requestId) {
        return new CamrollException(ErrorCode.CONFLICT, "the request " + requestId + " was answered already");
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
