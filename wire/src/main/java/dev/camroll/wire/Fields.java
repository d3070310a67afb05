package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading helpers over a parser positioned at a value's first token; each leaves it at the value's last. */
final class Fields {
    private Fields() {}

    /** What a reader does with each field of an object; it must consume the field's value. */
    @FunctionalInterface
    interface FieldReader {
        void read(String name, JsonParser parser) throws IOException;
    }

    /** Calls {@code reader} for each field of the object the parser is at. */
    static void object(JsonParser parser, FieldReader reader) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            reader.read(name, parser);
        }
        expect(parser, JsonToken.END_OBJECT);
    }

    /** Skips the value of a field no reader knows (a newer writer's). */
    static void skip(JsonParser parser) throws IOException {
        parser.skipChildren();
    }

    static <T> List<T> list(JsonParser parser, ApiJson.JsonReading<T> element) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(parser, JsonToken.START_ARRAY);
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new IOException("unexpected end of JSON in an array");
            }
            values.add(element.read(parser));
        }
        return values;
    }

    static List<String> strings(JsonParser parser) throws IOException {
        return list(parser, Fields::string);
    }

    static <T> Map<String, T> map(JsonParser parser, ApiJson.JsonReading<T> value) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        Map<String, T> values = new LinkedHashMap<>();
        object(parser, (name, p) -> values.put(name, value.read(p)));
        return values;
    }

    static String string(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new IOException("expected a string at " + where(parser) + ", found " + token);
        }
        return parser.getText();
    }

    static long number(JsonParser parser) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw new IOException("expected a number at " + where(parser) + ", found " + parser.currentToken());
        }
        return parser.getLongValue();
    }

    static double decimal(JsonParser parser) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw new IOException("expected a number at " + where(parser) + ", found " + parser.currentToken());
        }
        return parser.getDoubleValue();
    }

    static boolean bool(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IOException("expected true or false at " + where(parser) + ", found " + token);
        }
        return token == JsonToken.VALUE_TRUE;
    }

    /** The strings under {@code field} of an object; empty when it has none. */
    static List<String> idsOf(JsonParser parser, String field) throws IOException {
        List<String> ids = new ArrayList<>();
        object(parser, (name, p) -> {
            if (name.equals(field)) {
                ids.addAll(strings(p));
            } else {
                skip(p);
            }
        });
        return List.copyOf(ids);
    }

    static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.currentToken() != token) {
            throw new IOException("expected " + token + " at " + where(parser) + ", found " + parser.currentToken());
        }
    }

    private static String where(JsonParser parser) throws IOException {
        String name = parser.currentName();
        return name == null ? "the top" : "'" + name + "'";
    }
}
