package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

/** Queries become query parameters and come back the same; bad parameters are refused by name. */
class QueryParametersTest {

    @Property(tries = 300)
    void aQueryComesBackFromItsParametersAndItsQueryString(@ForAll("queries") AssetQuery query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        QueryParameters.of(query).forEach((name, value) -> parameters.put(name, List.of(value)));
        assertThat(QueryParameters.toQuery(parameters)).isEqualTo(query);

        assertThat(QueryParameters.toQuery(parse(QueryParameters.queryString(query))))
                .isEqualTo(query);
    }

    @Test
    void theFormIsExposNames() {
        AssetQuery query = AssetQuery.builder()
                .first(50)
                .album("abc")
                .mediaTypes(MediaType.VIDEO, MediaType.PHOTO)
                .sortBy(SortKey.desc(SortField.CREATION_TIME), SortKey.asc(SortField.WIDTH))
                .createdAfter(1000L)
                .build();

        assertThat(QueryParameters.queryString(query))
                .isEqualTo("first=50&album=abc&mediaType=photo%2Cvideo&sortBy=creationTime%3Adesc%2Cwidth%3Aasc"
                        + "&createdAfter=1000");
        assertThat(QueryParameters.toQuery(Map.of()))
                .isEqualTo(AssetQuery.builder().build());
    }

    @Test
    void badParametersAreRefusedByName() {
        assertRefused(Map.of("firts", List.of("10")), "firts");
        assertRefused(Map.of("first", List.of("10", "20")), "first");
        assertRefused(Map.of("first", List.of("ten")), "first");
        assertRefused(Map.of("first", List.of("99999999999")), "first");
        assertRefused(Map.of("first", List.of("0")), "first");
        assertRefused(Map.of("mediaType", List.of("photo,picture")), "mediaType");
        assertRefused(Map.of("sortBy", List.of("width:up")), "sortBy");
        assertRefused(Map.of("createdBefore", List.of("yesterday")), "createdBefore");
    }

    private static void assertRefused(Map<String, List<String>> parameters, String name) {
        InvalidArgumentException e =
                catchThrowableOfType(InvalidArgumentException.class, () -> QueryParameters.toQuery(parameters));
        assertThat(e).as(parameters.toString()).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.parameter()).isEqualTo(name);
    }

    private static Map<String, List<String>> parse(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters
                    .computeIfAbsent(decode(nameAndValue[0]), name -> new ArrayList<>())
                    .add(decode(nameAndValue[1]));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<AssetQuery> queries() {
        Arbitrary<List<SortKey>> sortBy = Combinators.combine(
                        Arbitraries.of(SortField.class), Arbitraries.of(true, false))
                .as(SortKey::new)
                .list()
                .ofMaxSize(3)
                .uniqueElements(SortKey::field);
        Arbitrary<Set<MediaType>> types = Arbitraries.of(MediaType.class).set().ofMinSize(1);
        Arbitrary<String> ids =
                ApiRecords.text().filter(text -> !text.isEmpty()).injectNull(0.5);
        Arbitrary<Long> times = Arbitraries.longs().injectNull(0.5);
        return Combinators.combine(
                        Arbitraries.integers().between(1, AssetQuery.MAX_FIRST), ids, ids, times, times, types, sortBy)
                .as(AssetQuery::new);
    }
}
