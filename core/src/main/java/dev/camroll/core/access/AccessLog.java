package dev.camroll.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What each app read (an asset's info, original, thumbnail or rendition) and changed, for the
 * owner, kept for a set time (30 days unless said otherwise). Listings are not logged: what an
 * app may list is its scope, which the owner sees already.
 */
public final class AccessLog {
    /** How long entries are kept unless said otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    /** Where the entries are kept: the index (the store's {@code SqlAccessLog}). */
    public interface Store {
        void append(Collection<AccessEntry> entries);

        /** The entries of an app at or after a time, newest first, at most {@code limit}. */
        List<AccessEntry> entries(AppId app, Instant since, int limit);

        /** Forgets the entries before a time. */
        void purgeBefore(Instant time);
    }

    private final Store store;
    private final Clock clock;
    private final Duration retention;

    public AccessLog(Store store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Logs that an app did this with these assets, now. */
    public void record(AppId app, AccessOperation operation, Collection<String> assetIds) {
        Instant now = clock.instant();
        store.append(assetIds.stream()
                .map(id -> new AccessEntry(now, app, id, operation))
                .toList());
    }

    /** What an app did within the retention, newest first, at most {@code limit} entries. */
    public List<AccessEntry> entries(AppId app, int limit) {
        return store.entries(app, clock.instant().minus(retention), limit);
    }

    /** Forgets what is older than the retention. */
    public void purge() {
        store.purgeBefore(clock.instant().minus(retention));
    }
}
