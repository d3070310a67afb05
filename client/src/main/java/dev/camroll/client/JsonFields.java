package dev.camroll.client;

import com.fasterxml.jackson.core.JsonToken;
import dev.camroll.wire.ApiJson;

/** The small answers that are no record of the API: {@code {"token": "..."}}, {@code {"needsMigration": true}}. */
final class JsonFields {
    private JsonFields() {}

    /** The text of a scalar field of a JSON object, or null when it is missing. */
    static String scalar(String json, String field) {
        return ApiJson.read(json, parser -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new java.io.IOException("not a JSON object");
            }
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(field) && token.isScalarValue()) {
                    value = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return value;
        });
    }
}
