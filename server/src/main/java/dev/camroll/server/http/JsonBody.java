package dev.camroll.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON object of a request body, read strictly: a field the route does not take, or one of
 * the wrong type, is a 400 naming it.
 */
final class JsonBody {
    private static final JsonMapper MAPPER = new JsonMapper();

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /** The body, which must be a JSON object whose fields are all among {@code fields}. */
    static JsonBody of(Context ctx, Set<String> fields) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badParameter("body", "the body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badParameter(
                        name,
                        "unknown field '" + name + "' (expected "
                                + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
        return new JsonBody(node);
    }

    /** A non-empty array of strings. */
    List<String> ids(String field) {
        JsonNode array = object.get(field);
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw ApiException.badParameter(field, field + " must be a non-empty array of ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : array) {
            if (!id.isTextual()) {
                throw ApiException.badParameter(field, field + " must be an array of strings");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    boolean bool(String field, boolean orElse) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return orElse;
        }
        if (!value.isBoolean()) {
            throw ApiException.badParameter(field, field + " must be true or false");
        }
        return value.asBoolean();
    }

    boolean requiredBool(String field) {
        if (!object.has(field)) {
            throw ApiException.badParameter(field, field + " is required");
        }
        return bool(field, false);
    }

    /** A string, or null when absent. */
    String string(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badParameter(field, field + " must be a string");
        }
        return value.asText();
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw ApiException.badParameter(field, field + " is required");
        }
        return value;
    }

    /** An array of strings, or null when absent (an empty array is empty). */
    List<String> strings(String field) {
        JsonNode array = object.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw ApiException.badParameter(field, field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw ApiException.badParameter(field, field + " must be an array of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    /** A number, or {@code orElse} when absent. */
    double number(String field, double orElse) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return orElse;
        }
        if (!value.isNumber()) {
            throw ApiException.badParameter(field, field + " must be a number");
        }
        return value.asDouble();
    }
}
