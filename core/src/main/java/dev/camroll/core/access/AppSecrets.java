package dev.camroll.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of apps: tokens and codes of 256 random bits, the short user codes a person types
 * for a device, their SHA-256 hashes (all that is stored), and PKCE's S256 check.
 */
final class AppSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Consonants only (RFC 8628 6.1): no vowel makes a word, no two letters look alike. */
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";

    private AppSecrets() {}

    /** 32 random bytes, base64url without padding (43 characters). */
    static String token() {
        return random(32);
    }

    /** An app id: 16 random bytes, base64url (22 characters). */
    static String appId() {
        return random(16);
    }

    private static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Eight letters shown as XXXX-XXXX: about 34 bits, enough for a code that lives minutes. */
    static String userCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_LETTERS.charAt(RANDOM.nextInt(USER_CODE_LETTERS.length())));
        }
        return code.toString();
    }

    /** A typed user code as stored: upper case, without the dash or spaces people add. */
    static String normalizedUserCode(String typed) {
        return typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the verifier is the one the challenge was made from (RFC 7636 4.6, S256). */
    static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return false;
        }
        byte[] expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sha256ascii(verifier))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256ascii(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
