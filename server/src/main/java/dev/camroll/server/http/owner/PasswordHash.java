package dev.camroll.server.http.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password's Argon2id hash with its salt and parameters, written in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, base64 without padding) that other Argon2
 * tools read, so the parameters can grow later and old hashes still verify.
 */
public record PasswordHash(Argon2id.Parameters parameters, byte[] salt, byte[] hash) {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");

    public PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** The hash of a new password, with a new random salt and OWASP's parameters. */
    public static PasswordHash of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Argon2id.Parameters parameters = Argon2id.Parameters.OWASP;
        return new PasswordHash(parameters, salt, Argon2id.derive(bytes(password), salt, parameters, HASH_BYTES));
    }

    /** Whether the password is this one; the comparison takes the same time wherever the hashes differ. */
    public boolean matches(String password) {
        return password != null
                && MessageDigest.isEqual(hash, Argon2id.derive(bytes(password), salt, parameters, hash.length));
    }

    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** The hash written by {@link #encoded()}; anything else is an IllegalArgumentException. */
    public static PasswordHash parse(String encoded) {
        Matcher matcher = PHC.matcher(encoded.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an Argon2id hash in the PHC string format");
        }
        Argon2id.Parameters parameters = new Argon2id.Parameters(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        Base64.Decoder base64 = Base64.getDecoder();
        return new PasswordHash(parameters, base64.decode(matcher.group(4)), base64.decode(matcher.group(5)));
    }

    /**
     * UTF-8 of the NFC form: the same password typed on two keyboards that compose accents
     * differently is the same password.
     */
    private static byte[] bytes(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && encoded().equals(that.encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }

    @Override
    public String toString() {
        return "PasswordHash[" + parameters + "]";
    }
}
