package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.AssetField;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.FieldFilter;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Offset and field filters as query parameters ({@code offset=40}, {@code width.gte=1080}) both ways,
 * refused by name when bad, and counts per month as JSON.
 */
class FieldFilterParametersTest {

    @Property(tries = 300)
    void offsetAndFiltersComeBackFromTheirParameters(
            @ForAll("filters") List<FieldFilter> filters, @ForAll("offsets") int offset) {
        List<FieldFilter> unique = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (FieldFilter filter : filters) {
            if (names.add(filter.parameterName())) {
                unique.add(filter);
            }
        }
        AssetQuery query = AssetQuery.builder()
                .mediaTypes(MediaType.PHOTO, MediaType.AUDIO)
                .offset(offset)
                .filters(unique)
                .build();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        QueryParameters.of(query).forEach((name, value) -> parameters.put(name, List.of(value)));
        assertThat(QueryParameters.toQuery(parameters)).isEqualTo(query);
    }

    @Test
    void theFormIsTheAgreedOne() {
        AssetQuery query = AssetQuery.builder()
                .first(10)
                .offset(40)
                .where(AssetField.WIDTH, Comparison.GTE, 1080)
                .where(AssetField.DURATION, Comparison.LT, 30.5)
                .where(AssetField.CREATION_TIME, Comparison.GTE, 1_700_000_000_000d)
                .filter(FieldFilter.mediaType(Comparison.IN, MediaType.VIDEO, MediaType.PHOTO))
                .build();
        assertThat(QueryParameters.queryString(query))
                .isEqualTo("first=10&mediaType=photo%2Cvideo%2Caudio&offset=40&width.gte=1080&duration.lt=30.5"
                        + "&creationTime.gte=1700000000000&mediaType.in=photo%2Cvideo");
        assertThat(QueryParameters.filtersOf(query))
                .doesNotContainKeys("first", "offset", "after", "sortBy")
                .containsEntry("width.gte", "1080");
        assertThat(QueryParameters.fieldFilter("mediaType.in", "video,unknown"))
                .isEqualTo(FieldFilter.mediaType(Comparison.IN, MediaType.VIDEO));
        assertThat(QueryParameters.fieldFilter("duration.in", "0.5, 1e1"))
                .isEqualTo(FieldFilter.number(AssetField.DURATION, Comparison.IN, 0.5, 10));
    }

    @Test
    void badOffsetsAndFiltersAreRefusedByName() {
        assertRefused(Map.of("offset", List.of("-1")), "offset");
        assertRefused(Map.of("offset", List.of("1"), "after", List.of("abc")), "offset");
        assertRefused(Map.of("colour.eq", List.of("1")), "colour.eq");
        assertRefused(Map.of("width.about", List.of("1")), "width.about");
        assertRefused(Map.of("width.gte", List.of("1", "2")), "width.gte");
        assertRefused(Map.of("width.gte", List.of("NaN")), "width.gte");
        assertRefused(Map.of("width.gte", List.of("1e999")), "width.gte");
        assertRefused(Map.of("width.gte", List.of("0x1p3")), "width.gte");
        assertRefused(Map.of("width.eq", List.of("1,2")), "width.eq");
        assertRefused(Map.of("height.in", List.of("1,,2")), "height.in");
        assertRefused(Map.of("mediaType.lt", List.of("photo")), "mediaType.lt");
        assertRefused(Map.of("mediaType.in", List.of("photo,picture")), "mediaType.in");
    }

    @Test
    void monthCountsRoundTrip() {
        MonthCounts counts = new MonthCounts(
                List.of(
                        new MonthCount(YearMonth.of(2026, 11), 123, 1_793_487_600_000L, 1_796_079_600_000L),
                        new MonthCount(YearMonth.of(1969, 12), 1, -2_678_400_000L, 0)),
                124);
        String json = ApiJson.writeLine(counts);
        assertThat(json)
                .startsWith("{\"months\":[{\"month\":\"2026-11\",\"count\":123,\"start\":1793487600000,"
                        + "\"end\":1796079600000}");
        assertThat(ApiJson.readMonthCounts(json)).isEqualTo(counts);
    }

    private static void assertRefused(Map<String, List<String>> parameters, String name) {
        InvalidArgumentException e =
                catchThrowableOfType(InvalidArgumentException.class, () -> QueryParameters.toQuery(parameters));
        assertThat(e).as(parameters.toString()).isNotNull();
        assertThat(e.parameter()).as(parameters.toString()).isEqualTo(name);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<List<FieldFilter>> filters() {
        Arbitrary<Double> numbers = Arbitraries.oneOf(
                Arbitraries.longs().between(-1L << 53, 1L << 53).map(Long::doubleValue),
                Arbitraries.doubles(),
                Arbitraries.of(0.1, 1e-9, 30.5, 1e20, -0.0));
        Arbitrary<FieldFilter> onNumbers = Combinators.combine(
                        Arbitraries.of(
                                AssetField.CREATION_TIME,
                                AssetField.MODIFICATION_TIME,
                                AssetField.WIDTH,
                                AssetField.HEIGHT,
                                AssetField.DURATION),
                        Arbitraries.of(Comparison.class),
                        numbers.list().ofMinSize(1).ofMaxSize(3))
                .as((field, comparison, values) -> new FieldFilter.OnNumber(
                        field, comparison, comparison == Comparison.IN ? values : values.subList(0, 1)));
        Arbitrary<FieldFilter> onTypes = Combinators.combine(
                        Arbitraries.of(Comparison.EQ, Comparison.IN),
                        Arbitraries.of(MediaType.class).set().ofMaxSize(3))
                .as((comparison, types) -> new FieldFilter.OnMediaType(
                        comparison,
                        comparison == Comparison.EQ && types.size() > 1
                                ? Set.of(types.iterator().next())
                                : types));
        return Arbitraries.oneOf(onNumbers, onTypes).list().ofMaxSize(5);
    }
}
