package dev.camroll.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs media URLs, so that an {@code <img>} or {@code <video>} loads them without headers: an
 * HMAC-SHA256 of the path, the expiry and the identity of the caller they were made for, with a
 * key kept in {@code DATA/url-signing.key} (mode 600, made at first start). A URL dies at its
 * expiry and when its caller's token changes.
 */
final class UrlSigner {
    static final String FILE = "url-signing.key";
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";
    /** Names the app a URL was signed for (absent for the owner's). */
    static final String APP = "app";

    /** Initialised once; each signature works on a clone, which is far cheaper than a new Mac and its key setup. */
    private final Mac prototype;

    private UrlSigner(byte[] key) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** The key of this data folder, made now when there is none. */
    static UrlSigner load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        String text = SecretFiles.read(file);
        if (text == null) {
            text = SecretFiles.randomToken(32);
            SecretFiles.write(file, text);
        }
        return new UrlSigner(Base64.getUrlDecoder().decode(text));
    }

    /** The query string ({@code expires=...&signature=...}) that makes {@code path} valid for the identity until then. */
    String sign(String path, String identity, long expiresEpochSeconds) {
        return EXPIRES + "=" + expiresEpochSeconds + "&" + SIGNATURE + "="
                + signature(path, identity, expiresEpochSeconds);
    }

    /** Whether the signature was made for this path and identity, and has not expired. */
    boolean verify(String path, String identity, String expires, String signature, long nowEpochSeconds) {
        if (expires == null || signature == null) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry <= nowEpochSeconds) {
            return false;
        }
        byte[] expected = signature(path, identity, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String path, String identity, long expiry) {
        try {
            Mac mac = (Mac) prototype.clone();
            byte[] digest = mac.doFinal((identity + "\n" + path + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
