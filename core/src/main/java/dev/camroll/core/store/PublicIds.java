package dev.camroll.core.store;

import java.security.SecureRandom;

/**
 * Opaque ids: 64 random bits in Crockford's base-32, lower case (13 characters). Random, not
 * derived from the path, so an id reveals nothing and survives the file being moved.
 */
final class PublicIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {}

    static String next() {
        long bits = RANDOM.nextLong();
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }

    /** Cheap shape check, so that a malformed id is refused before any query. */
    static boolean looksValid(String id) {
        if (id == null || id.length() != 13) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
