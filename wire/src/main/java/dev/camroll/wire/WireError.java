package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error as it travels: {@code {"error": {"code": "not_found", "message": "...", "ids": [...]}}},
 * the exception's details beside its code and message. {@link #toException} makes the exception
 * back, of the type the engine throws for the code, so that a program sees the same failure
 * embedded and over HTTP.
 *
 * @param details strings, numbers (long), booleans and lists of strings, by name
 */
public record WireError(ErrorCode code, String message, Map<String, Object> details) {
    public WireError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The wire form of an exception of the engine. */
    public static WireError of(CamrollException e) {
        return new WireError(e.code(), e.getMessage(), e.details());
    }

    /**
     * The exception the engine throws for this code: {@link NotFoundException} with its ids,
     * {@link InvalidArgumentException} for refused input, else a {@link CamrollException}.
     */
    public CamrollException toException() {
        return switch (code) {
            case NOT_FOUND -> {
                if (details.get(NotFoundException.IDS) instanceof List<?> ids
                        && details.get(NotFoundException.KIND) instanceof String kind) {
                    yield new NotFoundException(
                            kind, ids.stream().map(String::valueOf).toList());
                }
                yield new CamrollException(code, message, details, null);
            }
            case INVALID_ARGUMENT, NOT_MEDIA, TOO_LARGE, CONFLICT ->
                new InvalidArgumentException(code, message, details);
            case NO_THUMBNAIL,
                    NO_RENDITION,
                    NO_SPACE,
                    READ_ONLY,
                    DAMAGED_INDEX,
                    BAD_DATA_FOLDER,
                    IO_ERROR,
                    UNAVAILABLE,
                    UNAUTHORIZED,
                    FORBIDDEN,
                    CONFIRMATION_REQUIRED,
                    INTERNAL -> new CamrollException(code, message, details, null);
        };
    }

    /** JSON that could not be read: the other side spoke something else. */
    static CamrollException malformed(IOException e) {
        return new CamrollException(ErrorCode.INTERNAL, "unreadable JSON: " + e.getMessage(), e);
    }

    void write(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName("error");
        out.writeStartObject();
        Values.field(out, "code", code);
        out.writeStringField("message", message);
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            if (!detail.getKey().equals("code") && !detail.getKey().equals("message")) {
                Values.field(out, detail.getKey(), detail.getValue());
            }
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    static WireError read(JsonParser parser) throws IOException {
        WireError[] error = new WireError[1];
        Fields.object(parser, (name, p) -> {
            if (name.equals("error")) {
                error[0] = inner(p);
            } else {
                Fields.skip(p);
            }
        });
        if (error[0] == null) {
            throw new IOException("no \"error\" object");
        }
        return error[0];
    }

    private static WireError inner(JsonParser parser) throws IOException {
        var error = new Object() {
            ErrorCode code = ErrorCode.INTERNAL;
            String message = "";
            final Map<String, Object> details = new LinkedHashMap<>();
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "code" -> error.code = ErrorCode.fromWireName(Fields.string(p));
                case "message" -> error.message = Fields.string(p);
                default -> {
                    Object value = detail(p);
                    if (value != null) {
                        error.details.put(name, value);
                    }
                }
            }
        });
        return new WireError(error.code, error.message, error.details);
    }

    /** A detail's value: a string, a long, a boolean, a list of strings; anything else is skipped. */
    private static Object detail(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
            case START_ARRAY -> {
                List<String> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken().isScalarValue()) {
                        values.add(parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
                yield values;
            }
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }
}
