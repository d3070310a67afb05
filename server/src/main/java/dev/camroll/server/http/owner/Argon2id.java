package dev.camroll.server.http.owner;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle: memory-hard, so guessing a stolen hash costs memory
 * as well as time, which graphics cards and custom chips do not make cheap.
 */
public final class Argon2id {

    /**
     * The cost of one hash.
     *
     * @param memoryKiB memory in KiB
     * @param iterations passes over that memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {
        /** OWASP's first recommendation for Argon2id: 19 MiB, 2 passes, 1 lane (about 50 ms here). */
        public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1);

        /** The most a stored hash may ask for: a damaged file must not make a sign-in take gigabytes. */
        static final int MAX_MEMORY_KIB = 1 << 20;

        public Parameters {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("parallelism must be 1 to 16, got " + parallelism);
            }
            if (iterations < 1 || iterations > 64) {
                throw new IllegalArgumentException("iterations must be 1 to 64, got " + iterations);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("memory must be 8 KiB per lane to 1 GiB, got " + memoryKiB + " KiB");
            }
        }
    }

    private Argon2id() {}

    /** The {@code length}-byte tag of the password with this salt. */
    public static byte[] derive(byte[] password, byte[] salt, Parameters parameters, int length) {
        return derive(password, salt, parameters, length, null, null);
    }

    /** With the optional key and associated data of RFC 9106 (its test vectors use both). */
    static byte[] derive(
            byte[] password, byte[] salt, Parameters parameters, int length, byte[] secret, byte[] associatedData) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] tag = new byte[length];
        generator.generateBytes(password, tag);
        return tag;
    }
}
