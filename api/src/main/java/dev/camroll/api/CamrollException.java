package dev.camroll.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one base of every exception Camroll throws. Each feature owns its subclasses; all are
 * unchecked so that callers handle them where they can do something about them.
 *
 * <p>Every one carries an {@link ErrorCode} for programs and details for what the message names in
 * words (the parameter of an invalid argument, the ids not found, a limit), so that a client far
 * away can act on them without parsing the message. A detail is a string, a number, a boolean or a
 * list of strings: what JSON carries without a schema of its own.
 */
public class CamrollException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public CamrollException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public CamrollException(ErrorCode code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public CamrollException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** What the message names, by name, in the order given; never null, unmodifiable. */
    public Map<String, Object> details() {
        return details;
    }

    private static Map<String, Object> copyOf(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "detail name"), detail(name, value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object detail(String name, Object value) {
        return switch (value) {
            case String text -> text;
            case Integer number -> number.longValue();
            case Long number -> number;
            case Boolean flag -> flag;
            case Collection<?> list ->
                List.copyOf(list.stream().map(String::valueOf).toList());
            case null -> throw new IllegalArgumentException("detail " + name + " is null");
            default ->
                throw new IllegalArgumentException("detail " + name + " is a "
                        + value.getClass().getName() + ", not a string, number, boolean or list of strings");
        };
    }
}
