package dev.camroll.server.http.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's password in its file of the data folder. */
class OwnerPasswordTest {
    @TempDir
    Path data;

    @Test
    void aPasswordSetIsKeptAsItsHashOnlyReadableByTheOwner() throws Exception {
        OwnerPassword password = OwnerPassword.of(data);
        assertThat(password.isSet()).isFalse();
        assertThat(password.matches("anything at all")).isFalse();

        password.set("a long enough secret");

        Path file = data.resolve(OwnerPassword.FILE);
        String stored = Files.readString(file);
        assertThat(stored).startsWith("$argon2id$").doesNotContain("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(password.matches("a long enough secret")).isTrue();
        assertThat(password.matches("a long enough secreT")).isFalse();
        assertThat(OwnerPassword.of(data).matches("a long enough secret")).isTrue();
        assertThat(Files.list(data).map(Path::getFileName).map(Path::toString)).containsExactly(OwnerPassword.FILE);
    }

    @Test
    void aPasswordTooShortIsRefusedAndNothingIsWritten() {
        OwnerPassword password = OwnerPassword.of(data);

        assertThatThrownBy(() -> password.set("elevenchars"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at least " + PasswordRules.MIN_LENGTH);
        assertThatThrownBy(() -> password.set(" ".repeat(20))).isInstanceOf(InvalidArgumentException.class);

        assertThat(Files.exists(data.resolve(OwnerPassword.FILE))).isFalse();
        assertThat(password.isSet()).isFalse();
    }

    @Test
    void aChangeMadeByAnotherProcessIsSeenAndChangesTheStamp() {
        OwnerPassword server = OwnerPassword.of(data);
        String before = server.stamp();
        assertThat(before).isEqualTo("none");

        OwnerPassword.of(data).set("the first password");
        String first = server.stamp();
        assertThat(first).isNotEqualTo(before);
        assertThat(server.matches("the first password")).isTrue();

        OwnerPassword.of(data).set("the second password");
        assertThat(server.stamp()).isNotEqualTo(first);
        assertThat(server.matches("the first password")).isFalse();
        assertThat(server.matches("the second password")).isTrue();
    }

    @Test
    void aTamperedFileMatchesNothingAndADamagedOneSaysSo() throws Exception {
        OwnerPassword.of(data).set("a long enough secret");
        Path file = data.resolve(OwnerPassword.FILE);
        String stored = Files.readString(file).strip();
        // A character in the middle of the hash changed: still well formed, another hash. (Not the
        // last one: unpadded Base64's last character carries bits that decoding drops, so 'A' and
        // 'B' there can name the same bytes.)
        int middle = stored.lastIndexOf('$') + (stored.length() - stored.lastIndexOf('$')) / 2;
        char changed = stored.charAt(middle) == 'A' ? 'B' : 'A';
        Files.writeString(file, stored.substring(0, middle) + changed + stored.substring(middle + 1));

        assertThat(OwnerPassword.of(data).matches("a long enough secret")).isFalse();

        Files.writeString(file, "$argon2id$v=19$garbage");
        assertThatThrownBy(() -> OwnerPassword.of(data))
                .isInstanceOf(CamrollException.class)
                .satisfies(e -> assertThat(((CamrollException) e).code()).isEqualTo(ErrorCode.BAD_DATA_FOLDER))
                .hasMessageContaining("camroll owner password");
    }
}
