package dev.camroll.core.moments;

import dev.camroll.api.Location;
import dev.camroll.core.store.MomentPoint;
import dev.camroll.core.store.MomentRow;
import dev.camroll.core.store.MomentStore;
import dev.camroll.core.store.MomentSummary;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Brings the moments up to date inside one write transaction: a whole grouping the first time
 * (or after many changes), else each queued asset's old and new place re-grouped with the moments
 * around it. Moments that survive keep their ids: each new group takes the id of the old moment
 * it shares the most assets with.
 */
final class MomentGrouping {
    private final Connection connection;
    private final Supplier<PlaceNames> places;
    private final MomentStore.Writes writes;

    MomentGrouping(Connection connection, MomentStore.Writes writes, Supplier<PlaceNames> places) {
        this.connection = connection;
        this.writes = writes;
        this.places = places;
    }

    /** Groups the whole library again, keeping the ids of moments that survive. */
    void whole() throws SQLException {
        Map<Long, List<Long>> oldMembers = new HashMap<>();
        Map<Long, String> oldIds = new HashMap<>();
        for (MomentRow moment : MomentStore.all(connection)) {
            oldIds.put(moment.rowId(), moment.publicId());
        }
        MomentStore.eachMembership(connection, (asset, moment) -> oldMembers
                .computeIfAbsent(moment, key -> new ArrayList<>())
                .add(asset));
        List<MomentPoint> points = new ArrayList<>();
        MomentStore.eachPoint(connection, points::add);
        List<List<MomentPoint>> groups = Segmentation.of(null, points).groups();
        MomentStore.clearAll(connection);
        Map<List<MomentPoint>, Long> kept = keptIds(groups, oldMembers);
        for (List<MomentPoint> group : groups) {
            Long old = kept.get(group);
            writes.insert(old == null ? null : oldIds.get(old), summary(group), group);
        }
    }

    /**
     * Re-groups around the queued assets, then empties the queue. Their old moments and new times
     * are taken together, in clusters of spans less than {@link MomentRules#GAP} apart, each
     * re-grouped once: a batch of arrivals that joins two moments is one merge, which keeps the id
     * of the moment that held more of them before the batch (one by one, in the order of the scan,
     * arrivals could have made a third moment first and merged into that).
     */
    void queued() throws SQLException {
        List<Long> queue = MomentStore.queue(connection);
        Map<Long, MomentStore.Membership> was = MomentStore.memberships(connection, queue);
        Map<Long, MomentPoint> now = MomentStore.currentPoints(connection, queue);
        List<Span> spans = new ArrayList<>();
        Set<Long> seeds = new HashSet<>();
        for (MomentStore.Membership before : was.values()) {
            seeds.add(before.momentRowId());
        }
        for (MomentPoint after : now.values()) {
            long time = after.creationTime();
            spans.add(new Span(time, time, null));
            for (MomentRow moment : MomentStore.overlapping(connection, time, time, MomentRules.GAP.toMillis())) {
                seeds.add(moment.rowId());
            }
        }
        for (MomentRow moment : MomentStore.byRowIds(connection, seeds)) {
            spans.add(new Span(moment.startTime(), moment.endTime(), moment.rowId()));
        }
        spans.sort((a, b) -> Long.compare(a.from(), b.from()));
        int i = 0;
        while (i < spans.size()) {
            long to = spans.get(i).to();
            Set<Long> moments = new HashSet<>();
            List<Long> times = new ArrayList<>();
            int j = i;
            while (j < spans.size() && spans.get(j).from() <= to + MomentRules.GAP.toMillis()) {
                Span span = spans.get(j);
                to = Math.max(to, span.to());
                if (span.moment() == null) {
                    times.add(span.from());
                } else {
                    moments.add(span.moment());
                }
                j++;
            }
            regroup(moments, times);
            i = j;
        }
        MomentStore.forget(
                connection, queue.stream().filter(id -> !now.containsKey(id)).toList());
        MomentStore.dequeue(connection, queue);
    }

    /** A moment's span, or an arrival's time (no moment). */
    private record Span(long from, long to, Long moment) {}

    /**
     * Groups again the assets of {@code seeds} and of the times {@code times}, widening the span
     * until the moments just before and after it stay apart under the rules.
     */
    private void regroup(Set<Long> seeds, List<Long> times) throws SQLException {
        Map<Long, MomentRow> affected = new LinkedHashMap<>();
        for (MomentRow moment : MomentStore.byRowIds(connection, seeds)) {
            affected.put(moment.rowId(), moment);
        }
        if (affected.isEmpty() && times.isEmpty()) {
            return;
        }
        while (true) {
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            for (long time : times) {
                from = Math.min(from, time);
                to = Math.max(to, time);
            }
            for (MomentRow moment : affected.values()) {
                from = Math.min(from, moment.startTime());
                to = Math.max(to, moment.endTime());
            }
            boolean grew = false;
            for (MomentRow moment : MomentStore.overlapping(connection, from, to, 0)) {
                grew |= affected.putIfAbsent(moment.rowId(), moment) == null;
            }
            if (grew) {
                continue;
            }
            List<MomentPoint> points = MomentStore.pointsBetween(connection, from, to);
            Optional<MomentRow> previous = MomentStore.endingBefore(connection, from);
            MomentEnd previousEnd = previous.map(MomentGrouping::endOf).orElse(null);
            Segmentation cut = Segmentation.of(previousEnd, points);
            if (cut.joinsPrevious()) {
                affected.put(previous.get().rowId(), previous.get());
                continue;
            }
            Optional<MomentRow> next = MomentStore.startingAfter(connection, to);
            MomentEnd lastEnd = cut.groups().isEmpty()
                    ? previousEnd
                    : Segmentation.endOf(cut.groups().getLast());
            if (next.isPresent() && lastEnd != null) {
                MomentPoint first =
                        MomentStore.firstPoint(connection, next.get().rowId());
                if (first != null && !MomentRules.breaks(lastEnd, first)) {
                    affected.put(next.get().rowId(), next.get());
                    continue;
                }
            }
            replace(affected, cut.groups());
            return;
        }
    }

    private void replace(Map<Long, MomentRow> old, List<List<MomentPoint>> groups) throws SQLException {
        Map<List<MomentPoint>, Long> kept = keptIds(groups, MomentStore.members(connection, old.keySet()));
        Set<Long> unused = new HashSet<>(old.keySet());
        unused.removeAll(kept.values());
        MomentStore.deleteMoments(connection, unused);
        for (List<MomentPoint> group : groups) {
            Long rowId = kept.get(group);
            if (rowId == null) {
                writes.insert(null, summary(group), group);
            } else {
                writes.replace(rowId, summary(group), group);
            }
        }
    }

    /**
     * Which old moment each group continues: the one it shares the most assets with, each old
     * moment given once, the largest overlaps first. Groups are keyed by identity.
     */
    private static Map<List<MomentPoint>, Long> keptIds(
            List<List<MomentPoint>> groups, Map<Long, List<Long>> oldMembers) {
        Map<Long, Long> momentOf = new HashMap<>();
        oldMembers.forEach((moment, assets) -> assets.forEach(asset -> momentOf.put(asset, moment)));
        record Overlap(int group, long moment, int shared) {}
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<Long, Integer> shared = new HashMap<>();
            for (MomentPoint point : groups.get(i)) {
                Long moment = momentOf.get(point.assetId());
                if (moment != null) {
                    shared.merge(moment, 1, Integer::sum);
                }
            }
            int group = i;
            shared.forEach((moment, count) -> overlaps.add(new Overlap(group, moment, count)));
        }
        overlaps.sort((a, b) -> Integer.compare(b.shared(), a.shared()));
        Map<List<MomentPoint>, Long> kept = new IdentityHashMap<>();
        Set<Long> given = new HashSet<>();
        Set<Integer> placed = new HashSet<>();
        for (Overlap overlap : overlaps) {
            if (!placed.contains(overlap.group()) && given.add(overlap.moment())) {
                placed.add(overlap.group());
                kept.put(groups.get(overlap.group()), overlap.moment());
            }
        }
        return kept;
    }

    private MomentSummary summary(List<MomentPoint> group) {
        List<Location> located = new ArrayList<>();
        MomentPoint last = null;
        for (MomentPoint point : group) {
            if (point.located()) {
                located.add(new Location(point.latitude(), point.longitude()));
                last = point;
            }
        }
        Location centre = GeoMath.centre(located);
        return new MomentSummary(
                group.getFirst().creationTime(),
                group.getLast().creationTime(),
                group.size(),
                centre == null ? null : centre.latitude(),
                centre == null ? null : centre.longitude(),
                last == null ? null : last.latitude(),
                last == null ? null : last.longitude(),
                located.isEmpty() ? List.of() : places.get().of(group));
    }

    private static MomentEnd endOf(MomentRow moment) {
        return new MomentEnd(moment.endTime(), moment.lastLatitude(), moment.lastLongitude());
    }
}
