package dev.camroll.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A caller passed a value Camroll cannot use: the message names the value and what was expected.
 * Its code is {@link ErrorCode#INVALID_ARGUMENT}, or, for content and names refused by a write,
 * {@link ErrorCode#NOT_MEDIA}, {@link ErrorCode#TOO_LARGE} or {@link ErrorCode#CONFLICT}: each is the
 * caller's input refused, and nothing was changed.
 */
public class InvalidArgumentException extends CamrollException {
    /** The detail that names the parameter (a query option, an argument of the method). */
    public static final String PARAMETER = "parameter";
    /** The detail that names the file whose content was refused. */
    public static final String FILE_NAME = "fileName";
    /** The detail that gives the limit, in bytes, that content went past. */
    public static final String MAX_BYTES = "maxBytes";

    private static final Set<ErrorCode> INPUT_CODES =
            EnumSet.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.NOT_MEDIA, ErrorCode.TOO_LARGE, ErrorCode.CONFLICT);

    public InvalidArgumentException(String message) {
        this(ErrorCode.INVALID_ARGUMENT, message, Map.of());
    }

    /** A refused value of the named parameter ({@code first}, {@code after}, {@code album}, ...). */
    public static InvalidArgumentException of(String parameter, String message) {
        return new InvalidArgumentException(ErrorCode.INVALID_ARGUMENT, message, Map.of(PARAMETER, parameter));
    }

    /** Content that is not media, or not the media its name says ({@link ErrorCode#NOT_MEDIA}). */
    public static InvalidArgumentException notMedia(String fileName, String message) {
        return new InvalidArgumentException(ErrorCode.NOT_MEDIA, message, Map.of(FILE_NAME, fileName));
    }

    /** Content past a limit of {@code maxBytes} ({@link ErrorCode#TOO_LARGE}). */
    public static InvalidArgumentException tooLarge(long maxBytes, String message) {
        return new InvalidArgumentException(ErrorCode.TOO_LARGE, message, Map.of(MAX_BYTES, maxBytes));
    }

    /** A value of the parameter that something holds already, such as an album name ({@link ErrorCode#CONFLICT}). */
    public static InvalidArgumentException conflict(String parameter, String message) {
        return new InvalidArgumentException(ErrorCode.CONFLICT, message, Map.of(PARAMETER, parameter));
    }

    public InvalidArgumentException(ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
        if (!INPUT_CODES.contains(code)) {
            throw new IllegalArgumentException(code + " is not a code of refused input");
        }
    }

    /** The parameter the refused value was given for, or null when the message alone says it. */
    public String parameter() {
        return details().get(PARAMETER) instanceof String name ? name : null;
    }
}
