package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetField;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.library.IndexedRows.Row;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Counts per month of a time zone, for a date scrubber: for any library, zone and query (album,
 * media types, dates, field filters, a limited scope), each month counts exactly the assets created
 * in it as the zone's calendar has it, newest month first.
 */
class MonthCountsTest {
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/Paris"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Pacific/Chatham"));
    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2023-12-25T00:00:00Z").toEpochMilli();

    @Property(tries = 60)
    void eachMonthCountsTheAssetsCreatedInItInTheZone(
            @ForAll @IntRange(min = 0, max = 80) int assetCount, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        try (IndexedRows index = new IndexedRows()) {
            for (int i = 0; i < assetCount; i++) {
                // Over 14 months, many near midnight of some zone and on the first and last days.
                long day = START + random.nextInt(430) * DAY;
                long time = random.nextBoolean()
                        ? day + random.nextLong(DAY)
                        : day + (random.nextInt(27) - 13) * 3_600_000L + random.nextInt(3) - 1;
                index.insert(
                        MediaType.values()[random.nextInt(3)],
                        random.nextInt(2),
                        random.nextInt(3) * 10,
                        10,
                        time,
                        0,
                        0);
            }
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            AssetQuery.Builder builder = AssetQuery.builder()
                    .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                    .first(1);
            Predicate<Row> expected = row -> true;
            boolean photosOnly = random.nextInt(4) == 0;
            if (photosOnly) {
                expected = expected.and(row -> row.type() == MediaType.PHOTO);
            }
            if (random.nextBoolean()) {
                Set<MediaType> types = OffsetPagingTest.randomTypes(random);
                builder.mediaTypes(types);
                expected = expected.and(row -> types.contains(row.type()));
            }
            if (!photosOnly && random.nextInt(3) == 0) {
                builder.album(index.albumId(1));
                expected = expected.and(row -> row.album() == 1);
            }
            if (random.nextInt(3) == 0) {
                long after = START + random.nextInt(430) * DAY + random.nextLong(DAY);
                builder.createdAfter(after);
                expected = expected.and(row -> row.created() > after);
            }
            if (random.nextInt(3) == 0) {
                long before = START + random.nextInt(430) * DAY + random.nextLong(DAY);
                builder.createdBefore(before);
                expected = expected.and(row -> row.created() < before);
            }
            if (random.nextInt(4) == 0) {
                builder.where(AssetField.WIDTH, Comparison.GTE, 10);
                expected = expected.and(row -> row.width() >= 10);
            }
            MediaLibrary library = photosOnly ? index.library.scoped(new PhotosOnlyScope()) : index.library;

            MonthCounts counts = library.monthCounts(builder.build(), zone);

            TreeMap<YearMonth, Long> want = new TreeMap<>();
            for (Row row : index.rows) {
                if (expected.test(row)) {
                    want.merge(
                            YearMonth.from(Instant.ofEpochMilli(row.created()).atZone(zone)), 1L, Long::sum);
                }
            }
            List<MonthCount> wantMonths = new ArrayList<>();
            want.descendingMap()
                    .forEach((month, count) -> wantMonths.add(
                            new MonthCount(month, count, startOf(month, zone), startOf(month.plusMonths(1), zone))));
            assertThat(counts.months()).as("in %s", zone).isEqualTo(wantMonths);
            assertThat(counts.totalCount())
                    .isEqualTo(want.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void aMonthStartsAtTheZonesMidnightWhateverItsOffsetThatDay() throws IOException {
        try (IndexedRows index = new IndexedRows()) {
            ZoneId paris = ZoneId.of("Europe/Paris");
            // 1 April 2024 00:00 in Paris is 31 March 22:00 UTC (summer time began on 31 March).
            long april =
                    ZonedDateTime.of(2024, 4, 1, 0, 0, 0, 0, paris).toInstant().toEpochMilli();
            index.insert(MediaType.PHOTO, 0, 1, 1, april - 1, 0, 0);
            index.insert(MediaType.PHOTO, 0, 1, 1, april, 0, 0);
            index.insert(MediaType.PHOTO, 0, 1, 1, april + 1, 0, 0);

            MonthCounts inParis = index.library.monthCounts(AssetQuery.builder().build(), paris);
            assertThat(inParis.months())
                    .containsExactly(
                            new MonthCount(
                                    YearMonth.of(2024, 4),
                                    2,
                                    april,
                                    ZonedDateTime.of(2024, 5, 1, 0, 0, 0, 0, paris)
                                            .toInstant()
                                            .toEpochMilli()),
                            new MonthCount(
                                    YearMonth.of(2024, 3),
                                    1,
                                    ZonedDateTime.of(2024, 3, 1, 0, 0, 0, 0, paris)
                                            .toInstant()
                                            .toEpochMilli(),
                                    april));
            assertThat(index.library
                            .monthCounts(AssetQuery.builder().build(), ZoneOffset.UTC)
                            .months())
                    .extracting(MonthCount::month, MonthCount::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 3), 3L));
        }
    }

    @Test
    void anEmptyLibraryHasNoMonthsAndAZoneIsNeeded() throws IOException {
        try (IndexedRows index = new IndexedRows()) {
            assertThat(index.library.monthCounts(AssetQuery.builder().build(), ZoneOffset.UTC))
                    .isEqualTo(new MonthCounts(List.of(), 0));
            assertThatThrownBy(
                            () -> index.library.monthCounts(AssetQuery.builder().build(), null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                            .isEqualTo("timeZone"));
        }
    }

    private static long startOf(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
