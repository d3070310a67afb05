package dev.camroll.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One key of a sort order. */
public record SortKey(SortField field, boolean ascending) {
    public static SortKey asc(SortField field) {
        return new SortKey(field, true);
    }

    public static SortKey desc(SortField field) {
        return new SortKey(field, false);
    }

    /** "creationTime:desc" style. */
    public String wireForm() {
        return field.wireName() + (ascending ? ":asc" : ":desc");
    }

    /**
     * Parses "creationTime:desc,width:asc" (a key without a direction is descending, as in
     * expo-media-library where a bare key sorts descending).
     */
    public static List<SortKey> parseList(String text) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                throw InvalidArgumentException.of("sortBy", "empty sort key in '" + text + "'");
            }
            String[] fieldAndDirection = part.strip().split(":", -1);
            if (fieldAndDirection.length > 2) {
                throw InvalidArgumentException.of(
                        "sortBy", "bad sort key '" + part.strip() + "' (expected key or key:asc|desc)");
            }
            SortField field = SortField.fromWireName(fieldAndDirection[0]);
            boolean ascending = false;
            if (fieldAndDirection.length == 2) {
                ascending = switch (fieldAndDirection[1].strip().toLowerCase(Locale.ROOT)) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default ->
                        throw InvalidArgumentException.of(
                                "sortBy", "bad sort direction '" + fieldAndDirection[1] + "' (expected asc or desc)");
                };
            }
            keys.add(new SortKey(field, ascending));
        }
        return keys;
    }
}
