package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.store.JournalState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque change tokens: the library's identity and a generation of its change journal, and for an
 * app the version of its grant then, so that a token from before a grant change asks for a full
 * reload (what the app sees changed all at once).
 */
final class ChangeTokens {
    private static final String VERSION = "j1";

    /** The grant version of a token that carries none (the owner's). */
    static final long NO_GRANT = -1;

    private ChangeTokens() {}

    static String encode(JournalState state) {
        return encode(state, NO_GRANT);
    }

    static String encode(JournalState state, long grantVersion) {
        String text = VERSION + "|" + state.libraryId() + "|" + state.generation()
                + (grantVersion == NO_GRANT ? "" : "|" + grantVersion);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Token decode(String token) {
        if (token == null) {
            throw InvalidArgumentException.of("token", "a change token is required");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if ((parts.length == 3 || parts.length == 4) && parts[0].equals(VERSION)) {
                long grant = parts.length == 4 ? Long.parseLong(parts[3]) : NO_GRANT;
                return new Token(parts[1], Long.parseLong(parts[2]), grant);
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the one message below (NumberFormatException is one too).
        }
        throw InvalidArgumentException.of("token", "'" + token + "' is not a change token of Camroll");
    }

    record Token(String libraryId, long generation, long grantVersion) {}
}
