package dev.camroll.core.access;

import dev.camroll.api.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * The id of an app that was given access to the library (its OAuth {@code client_id} on the
 * server): opaque, URL-safe, at most 64 characters, so that it travels in paths and tokens as is.
 */
public record AppId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public AppId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw InvalidArgumentException.of(
                    "app", "an app id is 1 to 64 letters, digits, '-' or '_', not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
