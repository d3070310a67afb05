package dev.camroll.server.http.owner;

import dev.camroll.api.InvalidArgumentException;

/**
 * What a new password must be: long enough that guessing it through the sign-in's slow-down or
 * against a stolen hash takes too long, and short enough that hashing it costs nothing extra.
 */
public final class PasswordRules {
    /** Characters (code points): a few words make a passphrase this long. */
    public static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 1024;

    private PasswordRules() {}

    /** The password, or an InvalidArgumentException saying what is wrong with it. */
    public static String check(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidArgumentException(
                    "the password must have at least " + MIN_LENGTH + " characters (it has " + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidArgumentException("the password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidArgumentException("the password must not be only spaces");
        }
        return password;
    }
}
