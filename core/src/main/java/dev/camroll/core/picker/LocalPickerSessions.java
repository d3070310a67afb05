package dev.camroll.core.picker;

import dev.camroll.api.Asset;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.api.picker.PickerResult;
import dev.camroll.core.access.AppId;
import dev.camroll.core.library.ScopedLibrary;
import dev.camroll.core.store.PickerSessionStore;
import dev.camroll.core.store.PickerSessionStore.ResultRow;
import dev.camroll.core.store.PickerSessionStore.SessionRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The picker's sessions of one library, kept in its index, their result files in its data
 * folder. Thread-safe; several processes may share the library (a waiter polls the index, so an
 * answer given by another process reaches it too).
 */
public final class LocalPickerSessions implements PickerSessions {
    /** How often a waiter looks at the index for an answer given by another process. */
    private static final long POLL_MILLIS = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PickerSessionStore store;
    private final SessionFolders folders;
    private final ScopedLibrary owner;
    private final Function<AppId, ScopedLibrary> appLibraries;
    private final Clock clock;
    private final ResultMaking making;
    private final ResultReading reading;
    /** Wakes the waiters of this process when a session is answered here. */
    private final Object answered = new Object();
    /**
     * The sessions whose answer is being made in this process: a second answer given meanwhile
     * (a double click) is refused at once rather than emptying the first one's folder.
     */
    private final Set<String> answering = ConcurrentHashMap.newKeySet();

    /**
     * @param dataDir the library's data folder (the result files go in its {@code picker} folder)
     * @param owner the library as the owner sees it: the person picks from all of it
     * @param appLibraries the library as each app sees it now (which assets it may be told of,
     *     whether it sees locations)
     */
    public LocalPickerSessions(
            PickerSessionStore store,
            Path dataDir,
            ScopedLibrary owner,
            Function<AppId, ScopedLibrary> appLibraries,
            Clock clock) {
        this.store = store;
        this.folders = new SessionFolders(dataDir);
        this.owner = owner;
        this.appLibraries = appLibraries;
        this.clock = clock;
        this.making = new ResultMaking(owner);
        this.reading = new ResultReading(folders);
    }

    @Override
    public PickerSession create(Requester maker, PickerOptions options, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw InvalidArgumentException.of(
                    "lifetime",
                    "lifetime: " + lifetime + " is not between a moment and " + LONGEST_LIFETIME.toHours() + " hours");
        }
        purgeExpired();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        long now = clock.millis();
        SessionRow row = new SessionRow(
                HexFormat.of().formatHex(random),
                appIdOf(maker),
                OptionsText.write(options),
                PickerSessionStore.WAITING,
                now,
                now + lifetime.toMillis(),
                null,
                null);
        store.insert(row);
        return view(row, maker);
    }

    @Override
    public Optional<PickerSession> get(Requester maker, String id) {
        Optional<SessionRow> row = ownRow(maker, id);
        row.filter(r -> r.completedAt() != null && r.fetchedAt() == null && !expired(r))
                .ifPresent(r -> store.markFetched(r.id(), clock.millis()));
        return row.map(r -> view(r, maker));
    }

    @Override
    public Optional<PickerSession> await(Requester maker, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<SessionRow> row = ownRow(maker, id);
            long left = deadline - System.nanoTime();
            if (row.isEmpty()
                    || !row.get().state().equals(PickerSessionStore.WAITING)
                    || expired(row.get())
                    || left <= 0) {
                return get(maker, id);
            }
            synchronized (answered) {
                try {
                    answered.wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return get(maker, id);
                }
            }
        }
    }

    @Override
    public Optional<PickerSession> forPerson(String id) {
        return rowOf(id).map(row -> view(row, makerOf(row)));
    }

    @Override
    public PickerSession complete(String id, PickerChoice choice) {
        SessionRow row = waitingRow(id);
        PickerOptions options = OptionsText.read(row.options());
        List<Asset> assets = ChoiceCheck.check(choice, options, owner);
        Requester maker = makerOf(row);
        if (!answering.add(id)) {
            throw new PickerSessionClosedException(id, SessionState.WAITING);
        }
        try {
            List<ResultRow> results;
            try {
                Path folder = folders.fresh(id);
                results = making.make(assets, choice, options, seesLocation(maker), folder);
            } catch (IOException e) {
                folders.delete(id);
                throw new UncheckedIOException("the picker's result files could not be made", e);
            } catch (RuntimeException e) {
                folders.delete(id);
                throw e;
            }
            if (!store.complete(id, PickerSessionStore.PICKED, results, clock.millis())) {
                folders.delete(id);
                throw closed(id);
            }
        } finally {
            answering.remove(id);
        }
        wakeWaiters();
        return view(rowOf(id).orElseThrow(() -> unknown(id)), maker);
    }

    @Override
    public PickerSession cancel(String id) {
        SessionRow row = waitingRow(id);
        if (!store.complete(id, PickerSessionStore.CANCELED, List.of(), clock.millis())) {
            throw closed(id);
        }
        wakeWaiters();
        return view(rowOf(id).orElseThrow(() -> unknown(id)), makerOf(row));
    }

    @Override
    public boolean delete(Requester maker, String id) {
        if (ownRow(maker, id).isEmpty()) {
            return false;
        }
        boolean deleted = store.delete(id);
        folders.delete(id);
        wakeWaiters();
        return deleted;
    }

    @Override
    public List<PickerSession> pendingResults(Requester maker) {
        List<PickerSession> pending = new ArrayList<>();
        for (SessionRow row : store.takePending(appIdOf(maker), clock.millis())) {
            pending.add(view(row, maker));
        }
        return pending;
    }

    @Override
    public Optional<ResultFile> resultFile(Requester maker, String id, int position) {
        return ownRow(maker, id)
                .filter(row -> row.state().equals(PickerSessionStore.PICKED) && !expired(row))
                .flatMap(row -> store.results(id).stream()
                        .filter(result -> result.position() == position)
                        .findFirst())
                .map(result -> {
                    Path path = folders.of(id).resolve(result.file());
                    return new ResultFile(path, result.fileName(), result.mimeType(), result.fileSize());
                })
                .filter(file -> Files.isRegularFile(file.path()));
    }

    @Override
    public int purgeExpired() {
        List<String> expired = store.deleteExpired(clock.millis());
        for (String id : expired) {
            folders.delete(id);
        }
        return expired.size();
    }

    /** Removes the folders of sessions the index no longer has (a process stopped between the two). */
    public void removeLeftoverFiles() {
        folders.deleteAllBut(store.allIds());
    }

    private SessionRow waitingRow(String id) {
        SessionRow row = rowOf(id).orElseThrow(() -> unknown(id));
        SessionState state = stateOf(row);
        if (state != SessionState.WAITING) {
            throw new PickerSessionClosedException(id, state);
        }
        return row;
    }

    private PickerSessionClosedException closed(String id) {
        return new PickerSessionClosedException(id, rowOf(id).map(this::stateOf).orElse(SessionState.EXPIRED));
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("picker session", List.of(id));
    }

    private Optional<SessionRow> rowOf(String id) {
        if (id == null || id.isEmpty() || !id.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return store.byId(id);
    }

    /** The session when {@code maker} made it; another maker's looks like none. */
    private Optional<SessionRow> ownRow(Requester maker, String id) {
        String app = appIdOf(maker);
        return rowOf(id).filter(row -> java.util.Objects.equals(row.appId(), app));
    }

    private PickerSession view(SessionRow row, Requester maker) {
        SessionState state = stateOf(row);
        PickerOptions options = OptionsText.read(row.options());
        PickerResult result =
                switch (state) {
                    case PICKED -> PickerResult.of(assets(row, options, maker));
                    case CANCELED -> PickerResult.canceledResult();
                    default -> null;
                };
        return new PickerSession(
                row.id(),
                options,
                state,
                Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.expiresAt()),
                result);
    }

    private List<PickedAsset> assets(SessionRow row, PickerOptions options, Requester maker) {
        List<ResultRow> results = store.results(row.id());
        List<String> visible =
                switch (maker) {
                    case Requester.Owner ignored ->
                        results.stream().map(ResultRow::assetId).toList();
                    case Requester.App(AppId app) ->
                        appLibraries
                                .apply(app)
                                .assetsById(
                                        results.stream().map(ResultRow::assetId).toList())
                                .stream()
                                .map(Asset::id)
                                .toList();
                };
        return reading.assets(row.id(), results, options, visible, seesLocation(maker));
    }

    private SessionState stateOf(SessionRow row) {
        if (expired(row)) {
            return SessionState.EXPIRED;
        }
        return switch (row.state()) {
            case PickerSessionStore.PICKED -> SessionState.PICKED;
            case PickerSessionStore.CANCELED -> SessionState.CANCELED;
            default -> SessionState.WAITING;
        };
    }

    private boolean expired(SessionRow row) {
        return row.expiresAt() <= clock.millis();
    }

    private boolean seesLocation(Requester maker) {
        return switch (maker) {
            case Requester.Owner ignored -> true;
            case Requester.App(AppId app) -> appLibraries.apply(app).scope().seesLocation();
        };
    }

    private static String appIdOf(Requester maker) {
        return switch (maker) {
            case Requester.Owner ignored -> null;
            case Requester.App(AppId app) -> app.value();
        };
    }

    private static Requester makerOf(SessionRow row) {
        return row.appId() == null ? Requester.owner() : Requester.app(new AppId(row.appId()));
    }

    private void wakeWaiters() {
        synchronized (answered) {
            answered.notifyAll();
        }
    }
}
