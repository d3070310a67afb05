package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.SortKey;
import dev.camroll.core.store.SortColumns;
import dev.camroll.core.store.SortPosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opaque page cursors: the sort order they belong to, the last row's sort values and its row id,
 * in base64url. Carrying the values (not only the id) keeps the next page right even when that
 * last row has been deleted meanwhile.
 */
final class Cursors {
    private static final String VERSION = "c1";

    private Cursors() {}

    static String encode(List<SortKey> sortBy, SortPosition position) {
        StringBuilder text = new StringBuilder(VERSION)
                .append('|')
                .append(signature(sortBy))
                .append('|')
                .append(position.rowId());
        for (Object value : position.values()) {
            text.append('|').append(value);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor points at; a clear error when it is not one of ours or fits another sort. */
    static SortPosition decode(String cursor, List<SortKey> sortBy) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor(cursor);
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3 + sortBy.size() || !parts[0].equals(VERSION)) {
            throw notACursor(cursor);
        }
        if (!parts[1].equals(signature(sortBy))) {
            throw InvalidArgumentException.of(
                    "after",
                    "after: the cursor belongs to another sort order (" + parts[1] + "), not " + signature(sortBy));
        }
        try {
            long rowId = Long.parseLong(parts[2]);
            List<Object> values = new ArrayList<>(sortBy.size());
            for (int i = 0; i < sortBy.size(); i++) {
                Class<?> type = SortColumns.valueType(sortBy.get(i).field());
                String value = parts[3 + i];
                values.add(
                        type == Long.class
                                ? (Object) Long.parseLong(value)
                                : type == Integer.class ? (Object) Integer.parseInt(value) : Double.parseDouble(value));
            }
            return new SortPosition(values, rowId);
        } catch (NumberFormatException e) {
            throw notACursor(cursor);
        }
    }

    private static String signature(List<SortKey> sortBy) {
        return sortBy.stream().map(SortKey::wireForm).collect(Collectors.joining(","));
    }

    private static InvalidArgumentException notACursor(String cursor) {
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
        return InvalidArgumentException.of(
                "after", "after: '" + shown + "' is neither a cursor of this query nor an asset id");
    }
}
