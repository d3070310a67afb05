package dev.camroll.core.contract;

import static dev.camroll.core.contract.QueriesContract.jpeg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetField;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.FieldFilter;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offset paging beside the cursor, field filters and counts per month, as expo's next Query and a date scrubber use them. */
abstract class PagingAndFiltersContract extends ContractGroup {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    PagingAndFiltersContract(LibraryUnderTest under) {
        super(under);
    }

    private static long paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, PARIS)
                .toInstant()
                .toEpochMilli();
    }

    /** Six photos 10 to 60 px wide, one a month from January 2024 (the 1st at 00:30 in Paris). */
    private void sixMonths() throws IOException {
        for (int i = 0; i < 6; i++) {
            jpeg(root.resolve("p" + i + ".jpg"), 10 * (i + 1), 8, paris(2024, i + 1, 1, 0) + 1_800_000);
        }
    }

    @Test
    void pagesByOffsetAndByCursorMeet() throws IOException {
        sixMonths();
        try (MediaLibrary library = open()) {
            AssetQuery byWidth = AssetQuery.builder()
                    .sortBy(SortKey.asc(SortField.WIDTH))
                    .first(2)
                    .build();
            List<Integer> widths = new ArrayList<>();
            for (int offset = 0; offset < 6; offset += 2) {
                AssetPage page =
                        library.getAssets(byWidth.toBuilder().offset(offset).build());
                assertThat(page.totalCount()).isEqualTo(6);
                assertThat(page.hasNextPage()).isEqualTo(offset < 4);
                page.assets().forEach(asset -> widths.add(asset.width()));
            }
            assertThat(widths).containsExactly(10, 20, 30, 40, 50, 60);

            AssetPage third = library.getAssets(byWidth.toBuilder().offset(2).build());
            AssetPage afterIt = library.getAssets(
                    byWidth.toBuilder().after(third.endCursor()).build());
            assertThat(afterIt.assets()).extracting(Asset::width).containsExactly(50, 60);

            AssetPage past = library.getAssets(byWidth.toBuilder().offset(99).build());
            assertThat(past.assets()).isEmpty();
            assertThat(past.totalCount()).isEqualTo(6);
            assertThat(past.hasNextPage()).isFalse();

            assertThatThrownBy(() -> library.getAssets(byWidth.toBuilder()
                            .offset(1)
                            .after(third.endCursor())
                            .build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                            .isEqualTo("offset"));
        }
    }

    @Test
    void fieldFiltersSelectAndCount() throws IOException {
        sixMonths();
        try (MediaLibrary library = open()) {
            AssetPage wide = library.getAssets(AssetQuery.builder()
                    .where(AssetField.WIDTH, Comparison.GT, 20)
                    .where(AssetField.WIDTH, Comparison.LTE, 50.5)
                    .where(AssetField.CREATION_TIME, Comparison.LT, paris(2024, 5, 1, 0))
                    .sortBy(SortKey.asc(SortField.WIDTH))
                    .build());
            assertThat(wide.assets()).extracting(Asset::width).containsExactly(30, 40);
            assertThat(wide.totalCount()).isEqualTo(2);

            AssetPage some = library.getAssets(AssetQuery.builder()
                    .where(AssetField.WIDTH, Comparison.IN, 10, 60, 70)
                    .filter(FieldFilter.mediaType(Comparison.IN, MediaType.PHOTO, MediaType.VIDEO))
                    .build());
            assertThat(some.assets()).extracting(Asset::width).containsExactly(60, 10);

            AssetPage videos = library.getAssets(AssetQuery.builder()
                    .filter(FieldFilter.mediaType(Comparison.EQ, MediaType.VIDEO))
                    .build());
            assertThat(videos.totalCount()).isZero();

            assertThatThrownBy(() -> library.getAssets(AssetQuery.builder()
                            .where(AssetField.HEIGHT, Comparison.EQ, 8)
                            .where(AssetField.HEIGHT, Comparison.EQ, 9)
                            .build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                            .isEqualTo("height.eq"));
        }
    }

    @Test
    void monthCountsFollowTheZonesCalendar() throws IOException {
        sixMonths();
        try (MediaLibrary library = open()) {
            MonthCounts inParis = library.monthCounts(AssetQuery.builder().build(), PARIS);
            assertThat(inParis.totalCount()).isEqualTo(6);
            assertThat(inParis.months())
                    .extracting(MonthCount::month)
                    .containsExactly(
                            YearMonth.of(2024, 6),
                            YearMonth.of(2024, 5),
                            YearMonth.of(2024, 4),
                            YearMonth.of(2024, 3),
                            YearMonth.of(2024, 2),
                            YearMonth.of(2024, 1));
            assertThat(inParis.months().getFirst())
                    .isEqualTo(new MonthCount(YearMonth.of(2024, 6), 1, paris(2024, 6, 1, 0), paris(2024, 7, 1, 0)));

            // In UTC each photo falls on the last evening of the month before.
            MonthCounts inUtc = library.monthCounts(
                    AssetQuery.builder()
                            .where(AssetField.WIDTH, Comparison.GTE, 30)
                            .build(),
                    ZoneOffset.UTC);
            assertThat(inUtc.months())
                    .extracting(MonthCount::month)
                    .containsExactly(
                            YearMonth.of(2024, 5), YearMonth.of(2024, 4), YearMonth.of(2024, 3), YearMonth.of(2024, 2));
            assertThat(library.monthCounts(
                            AssetQuery.builder().mediaTypes(MediaType.AUDIO).build(), PARIS))
                    .isEqualTo(new MonthCounts(List.of(), 0));
            assertThatThrownBy(() -> library.monthCounts(AssetQuery.builder().build(), null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                            .isEqualTo("timeZone"));
        }
    }
}
