package dev.camroll.core.moments;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Location;
import dev.camroll.core.access.AssetPredicate;
import dev.camroll.core.access.Scope;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.MomentIds;
import dev.camroll.core.store.MomentPoint;
import dev.camroll.core.store.MomentRow;
import dev.camroll.core.store.MomentStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The library's moments (see {@link MomentRules}), kept in the index and brought up to date before
 * each read from the queue that every write fills, whichever process made it. Through a scope
 * that does not see everything, a moment is shown only when it holds an asset the scope sees,
 * counted, timed and placed by those assets alone, and without place for a scope that may not
 * see locations.
 */
public final class MomentIndex {
    /** Past this many queued assets, one whole grouping is cheaper than one re-grouping each. */
    static final int WHOLE_GROUPING_PAST = 2_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Database database;
    private final ZoneId zone;
    private final Supplier<PlaceNames> places;
    /**
     * The moments last read for a scope that sees everything, with the version they were read at:
     * read again only when the moments changed (a moment's asset count and place are those of the
     * index then, whichever process changed them).
     */
    private volatile Seen seen;

    private record Seen(long version, boolean located, List<Album> moments) {}

    public MomentIndex(Database database, ZoneId zone) {
        this(database, zone, Gazetteer::shipped);
    }

    MomentIndex(Database database, ZoneId zone, Supplier<Gazetteer> gazetteer) {
        this.database = database;
        this.zone = zone;
        this.places = () -> new PlaceNames(gazetteer.get());
    }

    /**
     * Brings the moments up to date with every write so far: nothing to do costs one read. A
     * read-only index is left as it is (its moments as the last writer left them).
     */
    public void catchUp() {
        if (database.readOnly()) {
            return;
        }
        MomentStore.State state = database.read(MomentStore::state);
        if (state.computed() && state.queued() == 0) {
            return;
        }
        database.writeOutsideJournal(connection -> {
            // Another process may have caught up meanwhile: decide again under the write lock.
            MomentStore.State now = MomentStore.state(connection);
            if (now.computed() && now.queued() == 0) {
                return null;
            }
            try (MomentStore.Writes writes = MomentStore.writes(connection)) {
                MomentGrouping grouping = new MomentGrouping(connection, writes, places);
                if (!now.computed() || now.queued() > WHOLE_GROUPING_PAST) {
                    grouping.whole();
                } else {
                    grouping.queued();
                }
            }
            MomentStore.changed(connection);
            return null;
        });
    }

    /** The moments the scope sees, oldest first. */
    public List<Album> moments(Scope scope) {
        catchUp();
        return database.read(connection -> {
            boolean everything = scope.predicate() instanceof AssetPredicate.Every;
            long version = MomentStore.state(connection).version();
            Seen cached = seen;
            if (everything
                    && cached != null
                    && cached.version() == version
                    && cached.located() == scope.seesLocation()) {
                return cached.moments();
            }
            List<MomentRow> rows = MomentStore.all(connection);
            List<Album> albums = new ArrayList<>(rows.size());
            if (everything) {
                for (MomentRow row : rows) {
                    albums.add(album(row, row.assetCount(), row.startTime(), row.endTime(), centreOf(row), scope));
                }
                List<Album> moments = List.copyOf(albums);
                seen = new Seen(version, scope.seesLocation(), moments);
                return moments;
            }
            Map<Long, List<MomentPoint>> visible = MomentStore.visibleMembers(connection, scope);
            for (MomentRow row : rows) {
                List<MomentPoint> part = visible.get(row.rowId());
                if (part != null && !part.isEmpty()) {
                    albums.add(seenPart(row, part, scope));
                }
            }
            return albums;
        });
    }

    /**
     * The row id of the moment with this id that the scope sees (it holds an asset the scope
     * sees), for listing its assets.
     */
    public Optional<Long> rowIdOf(Scope scope, String momentId) {
        if (!MomentIds.isMoment(momentId)) {
            return Optional.empty();
        }
        catchUp();
        return database.read(connection ->
                MomentStore.byPublicId(connection, scope, momentId).map(MomentRow::rowId));
    }

    private Album seenPart(MomentRow row, List<MomentPoint> seen, Scope scope) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        List<Location> located = new ArrayList<>();
        for (MomentPoint point : seen) {
            start = Math.min(start, point.creationTime());
            end = Math.max(end, point.creationTime());
            if (point.located()) {
                located.add(new Location(point.latitude(), point.longitude()));
            }
        }
        return album(row, seen.size(), start, end, GeoMath.centre(located), scope);
    }

    private Album album(MomentRow row, int count, long start, long end, Location centre, Scope scope) {
        boolean placed = scope.seesLocation() && centre != null;
        List<String> names = placed ? row.locationNames() : null;
        String title = names != null && !names.isEmpty()
                ? names.getFirst()
                : DAY.format(Instant.ofEpochMilli(start).atZone(zone));
        return new Album(row.publicId(), title, count, AlbumType.MOMENT, start, end, placed ? centre : null, names);
    }

    private static Location centreOf(MomentRow row) {
        return row.latitude() == null || row.longitude() == null ? null : new Location(row.latitude(), row.longitude());
    }
}
