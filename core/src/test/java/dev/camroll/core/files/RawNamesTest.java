package dev.camroll.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names whose bytes are not UTF-8 map to strings and back without loss. */
class RawNamesTest {

    @TempDir
    Path folder;

    @Test
    void everyNameRoundTripsThroughItsStoredForm() {
        List<byte[]> names = List.of(
                "plain.jpg".getBytes(StandardCharsets.UTF_8),
                "café.jpg".getBytes(StandardCharsets.UTF_8),
                new byte[] {'b', 'a', 'd', (byte) 0xFF, '.', 'j', 'p', 'g'},
                new byte[] {'c', 'a', 'f', (byte) 0xC3, '.', 'j', 'p', 'g'},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // an overlong '/'
                "\uF7FF\uF780".getBytes(StandardCharsets.UTF_8), // the escape range, written for real
                "\uFFFD.jpg".getBytes(StandardCharsets.UTF_8));
        for (byte[] name : names) {
            String stored = RawNames.decode(name);
            assertThat(RawNames.encode(stored)).isEqualTo(name);
            // Stored as TEXT, the form must survive UTF-8 both ways.
            assertThat(new String(stored.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(stored);
        }
        assertThat(RawNames.decode("café.jpg".getBytes(StandardCharsets.UTF_8))).isEqualTo("café.jpg");
        assertThat(RawNames.decode(new byte[] {'a', (byte) 0xFF}))
                .isNotEqualTo(RawNames.decode(new byte[] {'a', (byte) 0xFE}));
    }

    @Test
    void aListedNameThatIsNotUtf8ResolvesToTheSameFile() throws Exception {
        Path bad = Path.of(URI.create(folder.toUri() + "bad%FF.jpg"));
        Path lone = Path.of(URI.create(folder.toUri() + "caf%C3.jpg"));
        Files.writeString(bad, "ff");
        Files.writeString(lone, "c3");
        // Java's own string for such a name names another, missing file.
        assertThat(folder.resolve(bad.getFileName().toString())).doesNotExist();

        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.toList()) {
                String stored = RawNames.nameOf(file);
                assertThat(stored).doesNotContain("\uFFFD");
                Path back = RawNames.resolve(folder, stored);
                assertThat(back).isEqualTo(file);
                assertThat(Files.readString(back)).isIn("ff", "c3");
            }
        }
        assertThat(RawNames.display(RawNames.nameOf(bad))).isEqualTo("bad\\xFF.jpg");
        assertThat(RawNames.path(folder + "/" + RawNames.nameOf(lone))).isEqualTo(lone);
    }

    @Test
    void aRelativePathOfSeveralNamesRoundTrips() throws Exception {
        Path sub = Path.of(URI.create(folder.toUri() + "trip%FF/"));
        Files.createDirectories(sub);
        Path file = sub.resolve("a.jpg");
        Files.writeString(file, "a");
        String relative = RawNames.relative(folder, file);
        assertThat(relative).isEqualTo(RawNames.decode(new byte[] {'t', 'r', 'i', 'p', (byte) 0xFF}) + "/a.jpg");
        assertThat(RawNames.resolve(folder, relative)).isEqualTo(file);
        assertThat(RawNames.resolve(folder, "")).isEqualTo(folder);
    }
}
