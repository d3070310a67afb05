package dev.camroll.server.http.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The Argon2id wrapper against RFC 9106's test vector, and the stored form of a password's hash. */
class PasswordHashTest {

    @Test
    void theWrapperGivesTheTagOfRfc9106sArgon2idTestVector() {
        // RFC 9106, 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes, a 32-byte tag.
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);

        byte[] tag = Argon2id.derive(password, salt, new Argon2id.Parameters(32, 3, 4), 32, secret, associatedData);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void aHashMatchesItsPasswordOnlyAndReadsBackFromItsPhcString() {
        PasswordHash hash = PasswordHash.of("correct horse battery");

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.matches("correct horse battery")).isTrue();
        assertThat(hash.matches("correct horse batterx")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();

        PasswordHash read = PasswordHash.parse(hash.encoded());
        assertThat(read.matches("correct horse battery")).isTrue();
        assertThat(read.parameters()).isEqualTo(Argon2id.Parameters.OWASP);
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        PasswordHash first = PasswordHash.of("correct horse battery");
        PasswordHash second = PasswordHash.of("correct horse battery");

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void aPasswordComposedOrDecomposedIsTheSame() {
        PasswordHash hash = PasswordHash.of("caf\u00e9 au lait, s'il vous pla\u00eet");

        assertThat(hash.matches("cafe\u0301 au lait, s'il vous plai\u0302t")).isTrue();
    }

    @Test
    void aTamperedHashMatchesNothingAndAMalformedOneIsRefused() {
        PasswordHash hash = PasswordHash.of("correct horse battery");
        byte[] changed = hash.hash();
        changed[0] ^= 1;

        assertThat(new PasswordHash(hash.parameters(), hash.salt(), changed).matches("correct horse battery"))
                .isFalse();
        String encoded = hash.encoded();
        for (String malformed : new String[] {
            encoded.replace("argon2id", "argon2i"),
            encoded.replace("v=19", "v=16"),
            encoded.replace("m=19456", "m=999999999"),
            encoded.substring(0, encoded.length() - 10),
            "",
            "plain text"
        }) {
            assertThatThrownBy(() -> PasswordHash.parse(malformed))
                    .as(malformed)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
