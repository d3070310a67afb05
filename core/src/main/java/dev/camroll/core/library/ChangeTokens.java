package dev.camroll.core.library;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.store.JournalState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque change tokens: the library's identity and a generation of its change journal. */
final class ChangeTokens {
    private static final String VERSION = "j1";

    private ChangeTokens() {}

    static String encode(JournalState state) {
        String text = VERSION + "|" + state.libraryId() + "|" + state.generation();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Token decode(String token) {
        if (token == null) {
            throw InvalidArgumentException.of("token", "a change token is required");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                return new Token(parts[1], Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the one message below (NumberFormatException is one too).
        }
        throw InvalidArgumentException.of("token", "'" + token + "' is not a change token of Camroll");
    }

    record Token(String libraryId, long generation) {}
}
