package dev.camroll.wire;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link AssetQuery} as the query parameters of {@code GET /assets}, both ways, with
 * expo-media-library's option names: {@code first}, {@code after}, {@code album}, {@code
 * mediaType} ({@code photo,video}), {@code sortBy} ({@code creationTime:desc,width:asc}), {@code
 * createdAfter} and {@code createdBefore} (epoch milliseconds). A parameter this form does not
 * know, one given twice or a value that does not parse is refused, naming it.
 */
public final class QueryParameters {
    /** The names of every parameter of a query. */
    public static final Set<String> NAMES =
            Set.of("first", "after", "album", "mediaType", "sortBy", "createdAfter", "createdBefore");

    private QueryParameters() {}

    /** The parameters of a query, in a fixed order, leaving out what is null or empty. */
    public static Map<String, String> of(AssetQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("first", Integer.toString(query.first()));
        putIfSet(parameters, "after", query.after());
        putIfSet(parameters, "album", query.album());
        parameters.put(
                "mediaType",
                EnumSet.copyOf(query.mediaTypes()).stream()
                        .map(MediaType::wireName)
                        .collect(Collectors.joining(",")));
        if (!query.sortBy().isEmpty()) {
            parameters.put(
                    "sortBy", query.sortBy().stream().map(SortKey::wireForm).collect(Collectors.joining(",")));
        }
        putIfSet(parameters, "createdAfter", query.createdAfter());
        putIfSet(parameters, "createdBefore", query.createdBefore());
        return parameters;
    }

    /** The query string of a query ({@code first=20&mediaType=photo}), percent-encoded, without the "?". */
    public static String queryString(AssetQuery query) {
        return of(query).entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * The query these parameters ask for (each name with its values, as a server's request gives
     * them); a missing parameter takes the default of {@link AssetQuery#builder()}.
     */
    public static AssetQuery toQuery(Map<String, List<String>> parameters) {
        AssetQuery.Builder query = AssetQuery.builder();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!NAMES.contains(name)) {
                throw InvalidArgumentException.of(
                        name, "unknown parameter '" + name + "' (expected one of " + String.join(", ", sorted()) + ")");
            }
            List<String> values = parameter.getValue();
            if (values.size() != 1) {
                throw InvalidArgumentException.of(name, name + ": give it once, not " + values.size() + " times");
            }
            String value = values.getFirst();
            switch (name) {
                case "first" -> query.first((int) number(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case "after" -> query.after(value);
                case "album" -> query.album(value);
                case "mediaType" -> query.mediaTypes(mediaTypes(value));
                case "sortBy" -> query.sortBy(SortKey.parseList(value));
                case "createdAfter" -> query.createdAfter(number(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
                case "createdBefore" -> query.createdBefore(number(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
                default -> throw new IllegalStateException(name);
            }
        }
        return query.build();
    }

    private static Set<MediaType> mediaTypes(String value) {
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (String name : value.split(",", -1)) {
            types.add(MediaType.fromWireName(name));
        }
        return types;
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.of(name, name + ": '" + value + "' is not a whole number");
        }
    }

    private static void putIfSet(Map<String, String> parameters, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            parameters.put(name, value.toString());
        }
    }

    private static List<String> sorted() {
        return NAMES.stream().sorted().toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
