package dev.camroll.wire;

import dev.camroll.api.AssetField;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.FieldFilter;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An {@link AssetQuery} as the query parameters of {@code GET /assets}, both ways, with
 * expo-media-library's option names: {@code first}, {@code after}, {@code album}, {@code
 * mediaType} ({@code photo,video}), {@code sortBy} ({@code creationTime:desc,width:asc}), {@code
 * createdAfter} and {@code createdBefore} (epoch milliseconds), {@code offset}, and the field
 * filters {@code <field>.<comparison>} ({@code width.gte=1080}, {@code duration.lt=30.5}, {@code
 * mediaType.in=photo,video}; see {@link #fieldFilter}). A parameter this form does not know, one
 * given twice or a value that does not parse is refused, naming it.
 */
public final class QueryParameters {
    /** The names of every parameter of a query besides the field filters. */
    public static final Set<String> NAMES =
            Set.of("first", "after", "album", "mediaType", "sortBy", "createdAfter", "createdBefore", "offset");

    /** The parameters of paging and order, which counts per month do not take. */
    public static final Set<String> PAGING = Set.of("first", "after", "offset", "sortBy");

    /** A number as JSON and JavaScript write it: no hexadecimal, infinity or NaN. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
        if (query.offset() > 0) {
            parameters.put("offset", Integer.toString(query.offset()));
        }
        for (FieldFilter filter : query.filters()) {
            parameters.put(filter.parameterName(), valueOf(filter));
        }
        return parameters;
    }

    /** The parameters of a query for counts per month: {@link #of} without paging and order. */
    public static Map<String, String> filtersOf(AssetQuery query) {
        Map<String, String> parameters = of(query);
        parameters.keySet().removeAll(PAGING);
        return parameters;
    }

    /** Whether a parameter name has the form of a field filter ({@code width.gte}). */
    public static boolean isFieldFilter(String name) {
        return name.indexOf('.') >= 0;
    }

    /**
     * The field filter of a parameter {@code <field>.<comparison>} and its value: numbers for
     * {@code creationTime}, {@code modificationTime} (epoch ms), {@code width}, {@code height}
     * (pixels) and {@code duration} (seconds, with a fraction), media types ({@code photo},
     * {@code video}, {@code audio}, {@code unknown}) for {@code mediaType}, which takes only {@code
     * eq} and {@code in}; {@code in} takes a comma-separated list. An unknown field or comparison,
     * or a value that does not parse, is refused naming the parameter.
     */
    public static FieldFilter fieldFilter(String name, String value) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            throw InvalidArgumentException.of(name, "'" + name + "' is not a field filter (expected field.comparison)");
        }
        AssetField field = AssetField.fromWireName(name.substring(0, dot), name);
        Comparison comparison = Comparison.fromWireName(name.substring(dot + 1), name);
        List<String> parts = comparison.takesList() ? List.of(value.split(",", -1)) : List.of(value);
        if (field == AssetField.MEDIA_TYPE) {
            if (comparison != Comparison.EQ && comparison != Comparison.IN) {
                throw InvalidArgumentException.of(name, name + ": mediaType takes only eq and in");
            }
            Set<MediaType> types = EnumSet.noneOf(MediaType.class);
            for (String part : parts) {
                if (part.strip().equalsIgnoreCase("unknown")) {
                    continue; // no asset of Camroll has an unknown type
                }
                try {
                    types.add(MediaType.fromWireName(part));
                } catch (InvalidArgumentException e) {
                    throw InvalidArgumentException.of(
                            name,
                            name + ": unknown media type '" + part + "' (expected photo, video, audio or unknown)");
                }
            }
            return new FieldFilter.OnMediaType(comparison, types);
        }
        List<Double> numbers = new ArrayList<>(parts.size());
        for (String part : parts) {
            String text = part.strip();
            if (!NUMBER.matcher(text).matches() || !Double.isFinite(Double.parseDouble(text))) {
                throw InvalidArgumentException.of(name, name + ": '" + part + "' is not a number");
            }
            numbers.add(Double.parseDouble(text));
        }
        return new FieldFilter.OnNumber(field, comparison, numbers);
    }

    /** The value of a field filter's parameter, as {@link #fieldFilter} reads it. */
    public static String valueOf(FieldFilter filter) {
        return switch (filter) {
            case FieldFilter.OnNumber(var field, var comparison, var values) ->
                values.stream().map(QueryParameters::number).collect(Collectors.joining(","));
            case FieldFilter.OnMediaType(var comparison, var values) ->
                values.isEmpty()
                        ? "unknown"
                        : EnumSet.copyOf(values).stream()
                                .map(MediaType::wireName)
                                .collect(Collectors.joining(","));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53
                ? Long.toString((long) value)
                : BigDecimal.valueOf(value).toPlainString();
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
        if (parameters.containsKey("offset") && parameters.containsKey("after")) {
            throw InvalidArgumentException.of(
                    "offset", "offset and after cannot be given together: page either by cursor or by offset");
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (isFieldFilter(name)) {
                List<String> values = parameter.getValue();
                if (values.size() != 1) {
                    throw InvalidArgumentException.of(name, name + ": give it once, not " + values.size() + " times");
                }
                query.filter(fieldFilter(name, values.getFirst()));
                continue;
            }
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
                case "offset" -> query.offset((int) number(name, value, 0, Integer.MAX_VALUE));
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
            throw InvalidArgumentException.of(
                    name, name + ": '" + value + "' is not a whole number" + (min == 0 ? " of 0 or more" : ""));
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
