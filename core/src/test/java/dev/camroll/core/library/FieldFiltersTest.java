package dev.camroll.core.library;

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
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.library.IndexedRows.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Filters on the fields of expo's {@code AssetField}, combined with AND, with each other and with
 * the query's other options: a query returns exactly the assets that meet them all, in its order,
 * counted right, through any scope.
 */
class FieldFiltersTest {
    private static final AssetField[] NUMERIC = {
        AssetField.CREATION_TIME, AssetField.MODIFICATION_TIME, AssetField.WIDTH, AssetField.HEIGHT, AssetField.DURATION
    };

    @Property(tries = 60)
    void aQueryReturnsExactlyTheAssetsThatMeetEveryFilter(
            @ForAll @IntRange(min = 0, max = 50) int assetCount,
            @ForAll @IntRange(min = 1, max = 4) int filterCount,
            @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        try (IndexedRows index = new IndexedRows()) {
            for (int i = 0; i < assetCount; i++) {
                MediaType type = MediaType.values()[random.nextInt(3)];
                index.insert(
                        type,
                        random.nextInt(2),
                        random.nextInt(4) * 10,
                        random.nextInt(4) * 10,
                        // Times around day boundaries, so that the day counters meet partial days.
                        random.nextInt(5) * 43_200_000L + random.nextInt(3) - 1,
                        random.nextInt(4) * 1000L,
                        type == MediaType.PHOTO ? 0 : random.nextInt(4) * 1.5);
            }
            List<FieldFilter> filters = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Predicate<Row> expected = row -> true;
            while (filters.size() < filterCount) {
                FieldFilter filter = randomFilter(random);
                if (names.add(filter.parameterName())) {
                    filters.add(filter);
                    expected = expected.and(row -> meets(row, filter));
                }
            }
            AssetQuery.Builder builder = AssetQuery.builder()
                    .first(AssetQuery.MAX_FIRST)
                    .sortBy(OffsetPagingTest.randomSort(random))
                    .filters(filters);
            if (random.nextBoolean()) {
                Set<MediaType> types = OffsetPagingTest.randomTypes(random);
                builder.mediaTypes(types);
                expected = expected.and(row -> types.contains(row.type()));
            } else if (filters.stream().noneMatch(FieldFilter.OnMediaType.class::isInstance)) {
                expected = expected.and(row -> row.type() == MediaType.PHOTO); // the default
            }
            // A limited scope sees a folder only while it holds an asset the scope sees.
            boolean photosOnly = random.nextInt(4) == 0;
            if (!photosOnly && random.nextBoolean()) {
                builder.album(index.albumId(1));
                expected = expected.and(row -> row.album() == 1);
            }
            MediaLibrary library = photosOnly ? index.library.scoped(new PhotosOnlyScope()) : index.library;
            if (photosOnly) {
                expected = expected.and(row -> row.type() == MediaType.PHOTO);
            }
            AssetQuery query = builder.build();

            AssetPage page = library.getAssets(query);

            Set<String> want = new HashSet<>();
            for (Row row : index.rows) {
                if (expected.test(row)) {
                    want.add(row.name());
                }
            }
            assertThat(page.assets())
                    .extracting(Asset::filename)
                    .as("%s", filters)
                    .containsExactlyInAnyOrderElementsOf(want);
            assertThat(page.totalCount()).as("totalCount of %s", filters).isEqualTo(want.size());
            List<String> unfiltered = library
                    .getAssets(query.toBuilder()
                            .filters(List.of())
                            .mediaTypes(EnumSet.allOf(MediaType.class))
                            .build())
                    .assets()
                    .stream()
                    .map(Asset::filename)
                    .filter(want::contains)
                    .toList();
            if (query.filters().stream().noneMatch(FieldFilter.OnMediaType.class::isInstance)
                    && query.mediaTypes().size() == 3) {
                assertThat(page.assets())
                        .extracting(Asset::filename)
                        .as("in the query's order")
                        .isEqualTo(unfiltered);
            }
        }
    }

    @Test
    void creationTimeBoundsJoinTheQuerysDatesAndMillisecondsAreWhole() throws IOException {
        try (IndexedRows index = new IndexedRows()) {
            for (long time : new long[] {999, 1000, 1001, 2000}) {
                index.insert(MediaType.PHOTO, 0, 1, 1, time, 0, 0);
            }
            assertThat(names(index.library, AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.GTE, 1000)))
                    .containsExactly("f3.jpg", "f2.jpg", "f1.jpg");
            assertThat(names(index.library, AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.GT, 999.5)))
                    .containsExactly("f3.jpg", "f2.jpg", "f1.jpg");
            assertThat(names(
                            index.library,
                            AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.LTE, 1000.9)))
                    .containsExactly("f1.jpg", "f0.jpg");
            assertThat(names(index.library, AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.EQ, 1000)))
                    .containsExactly("f1.jpg");
            assertThat(names(
                            index.library, AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.EQ, 1000.5)))
                    .isEmpty();
            assertThat(names(
                            index.library,
                            AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.IN, 999, 2000)))
                    .containsExactly("f3.jpg", "f0.jpg");
            assertThat(names(
                            index.library,
                            AssetQuery.builder()
                                    .createdAfter(999L)
                                    .where(AssetField.CREATION_TIME, Comparison.LT, 2000)))
                    .containsExactly("f2.jpg", "f1.jpg");
            assertThat(names(index.library, AssetQuery.builder().where(AssetField.CREATION_TIME, Comparison.GT, 1e300)))
                    .isEmpty();
        }
    }

    @Test
    void aMediaTypeFilterAloneStartsFromEveryTypeAndNarrowsGivenTypes() throws IOException {
        try (IndexedRows index = new IndexedRows()) {
            index.insert(MediaType.PHOTO, 0, 1, 1, 1, 0, 0);
            index.insert(MediaType.VIDEO, 0, 1, 1, 2, 0, 1.5);
            index.insert(MediaType.AUDIO, 0, 1, 1, 3, 0, 2.5);
            assertThat(names(
                            index.library,
                            AssetQuery.builder().filter(FieldFilter.mediaType(Comparison.EQ, MediaType.VIDEO))))
                    .containsExactly("f1.jpg");
            assertThat(names(
                            index.library,
                            AssetQuery.builder()
                                    .mediaTypes(MediaType.PHOTO, MediaType.VIDEO)
                                    .filter(FieldFilter.mediaType(Comparison.IN, MediaType.VIDEO, MediaType.AUDIO))))
                    .containsExactly("f1.jpg");
            AssetPage none = index.library.getAssets(AssetQuery.builder()
                    .mediaTypes(MediaType.PHOTO)
                    .filter(FieldFilter.mediaType(Comparison.EQ, MediaType.AUDIO))
                    .build());
            assertThat(none.assets()).isEmpty();
            assertThat(none.totalCount()).isZero();
            assertThat(names(index.library, AssetQuery.builder().filter(FieldFilter.mediaType(Comparison.EQ))))
                    .as("unknown: no asset of Camroll")
                    .isEmpty();
            assertThat(names(
                            index.library,
                            AssetQuery.builder()
                                    .mediaTypes(EnumSet.allOf(MediaType.class))
                                    .where(AssetField.DURATION, Comparison.GT, 2)
                                    .where(AssetField.DURATION, Comparison.LTE, 2.5)))
                    .containsExactly("f2.jpg");
        }
    }

    @Test
    void badFiltersAreRefusedNamingTheirParameter() {
        refused(() -> FieldFilter.number(AssetField.WIDTH, Comparison.GTE), "width.gte");
        refused(() -> FieldFilter.number(AssetField.WIDTH, Comparison.GTE, 1, 2), "width.gte");
        refused(() -> FieldFilter.number(AssetField.WIDTH, Comparison.IN), "width.in");
        refused(() -> FieldFilter.number(AssetField.DURATION, Comparison.LT, Double.NaN), "duration.lt");
        refused(() -> FieldFilter.number(AssetField.HEIGHT, Comparison.EQ, Double.POSITIVE_INFINITY), "height.eq");
        refused(() -> FieldFilter.mediaType(Comparison.GT, MediaType.PHOTO), "mediaType.gt");
        refused(() -> FieldFilter.mediaType(Comparison.EQ, MediaType.PHOTO, MediaType.VIDEO), "mediaType.eq");
        refused(
                () -> AssetQuery.builder()
                        .where(AssetField.WIDTH, Comparison.GTE, 1)
                        .where(AssetField.WIDTH, Comparison.GTE, 2)
                        .build(),
                "width.gte");
        assertThatThrownBy(() -> FieldFilter.number(AssetField.MEDIA_TYPE, Comparison.EQ, 1))
                .isInstanceOf(InvalidArgumentException.class);
    }

    private static void refused(ThrowingCallable call, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                .isEqualTo(parameter));
    }

    private static List<String> names(MediaLibrary library, AssetQuery.Builder query) {
        return library.getAssets(query.first(AssetQuery.MAX_FIRST).build()).assets().stream()
                .map(Asset::filename)
                .toList();
    }

    private static FieldFilter randomFilter(Random random) {
        if (random.nextInt(6) == 0) {
            Comparison comparison = random.nextBoolean() ? Comparison.EQ : Comparison.IN;
            EnumSet<MediaType> types = EnumSet.noneOf(MediaType.class);
            int count = comparison == Comparison.EQ ? 1 : 1 + random.nextInt(3);
            while (types.size() < count) {
                types.add(MediaType.values()[random.nextInt(3)]);
            }
            return new FieldFilter.OnMediaType(comparison, types);
        }
        AssetField field = NUMERIC[random.nextInt(NUMERIC.length)];
        Comparison comparison = Comparison.values()[random.nextInt(Comparison.values().length)];
        int count = comparison == Comparison.IN ? 1 + random.nextInt(3) : 1;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (field) {
                case CREATION_TIME ->
                    random.nextInt(5) * 43_200_000L + random.nextInt(5) - 2 + (random.nextBoolean() ? 0 : 0.5);
                case MODIFICATION_TIME -> random.nextInt(4) * 1000 + random.nextInt(3) - 1;
                case WIDTH, HEIGHT -> random.nextInt(5) * 10 - 5 + (random.nextBoolean() ? 0 : 0.5);
                default -> random.nextInt(5) * 0.75;
            };
        }
        return FieldFilter.number(field, comparison, values);
    }

    private static boolean meets(Row row, FieldFilter filter) {
        if (filter instanceof FieldFilter.OnMediaType(var comparison, var types)) {
            return types.contains(row.type());
        }
        FieldFilter.OnNumber number = (FieldFilter.OnNumber) filter;
        double value =
                switch (number.field()) {
                    case CREATION_TIME -> row.created();
                    case MODIFICATION_TIME -> row.modified();
                    case WIDTH -> row.width();
                    case HEIGHT -> row.height();
                    case DURATION -> row.duration();
                    case MEDIA_TYPE -> throw new IllegalStateException();
                };
        double bound = number.values().getFirst();
        return switch (number.comparison()) {
            case EQ -> value == bound;
            case IN -> number.values().contains(value);
            case GT -> value > bound;
            case GTE -> value >= bound;
            case LT -> value < bound;
            case LTE -> value <= bound;
        };
    }
}
