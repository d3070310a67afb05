package dev.camroll.core.store;

import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per calendar month of one time zone. A month's bounds are worked out once (the zone's
 * rules give its first instant, which daylight saving time can move off midnight) and kept by start,
 * so that each further time costs one lookup.
 */
final class MonthBuckets {
    private final ZoneId zone;
    private final TreeMap<Long, Bucket> byStart = new TreeMap<>();

    private static final class Bucket {
        final YearMonth month;
        final long start;
        final long end;
        long count;

        Bucket(YearMonth month, long start, long end) {
            this.month = month;
            this.start = start;
            this.end = end;
        }
    }

    MonthBuckets(ZoneId zone) {
        this.zone = zone;
    }

    /** Counts {@code n} assets created at {@code time}. */
    void add(long time, long n) {
        bucketOf(time).count += n;
    }

    /** Whether {@code from} and {@code to} (both inclusive) fall in one month. */
    boolean sameMonth(long from, long to) {
        Bucket bucket = bucketOf(from);
        return to < bucket.end;
    }

    private Bucket bucketOf(long time) {
        Map.Entry<Long, Bucket> entry = byStart.floorEntry(time);
        if (entry != null && time < entry.getValue().end) {
            return entry.getValue();
        }
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(time).atZone(zone));
        long start = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Bucket bucket = new Bucket(month, start, end);
        byStart.put(start, bucket);
        return bucket;
    }

    /** The months that counted any asset, newest first. */
    MonthCounts result() {
        List<MonthCount> months = new ArrayList<>();
        long total = 0;
        for (Bucket bucket : byStart.descendingMap().values()) {
            if (bucket.count > 0) {
                months.add(new MonthCount(bucket.month, bucket.count, bucket.start, bucket.end));
                total += bucket.count;
            }
        }
        return new MonthCounts(months, total);
    }
}
