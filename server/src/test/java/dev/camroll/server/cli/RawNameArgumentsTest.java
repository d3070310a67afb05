package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments whose bytes are not UTF-8 name the files they name, as a shell passes them. */
class RawNameArgumentsTest {

    private static final byte[] BAD = {'b', 'a', 'd', (byte) 0xFF, '.', 'j', 'p', 'g'};
    private static final byte[] LONE = {'c', 'a', 'f', (byte) 0xC3, '.', 'j', 'p', 'g'};

    @TempDir
    Path folder;

    @Test
    void importTakesFilesWhoseNamesAreNotUtf8() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Path bad = TestMedia.jpeg(raw(outside, "bad%FF.jpg"), 16, 12);
        TestMedia.jpeg(raw(outside, "caf%C3.jpg"), 12, 16);
        assertThat(new Cli().run("scan", library.toString()).exitCode()).isZero();

        // One absolute name, one relative to the working folder, as a shell passes them.
        Cli.Result result = new CliProcess()
                .in(outside)
                .runBytes(bytes("import"), bytes(library.toString()), concat(bytes(outside + "/"), BAD), LONE);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("[0-9a-z]{13}  bad\\\\xFF\\.jpg\n[0-9a-z]{13}  caf\\\\xC3\\.jpg\n");
        try (Stream<Path> placed = Files.list(library.resolve("Pictures"))) {
            assertThat(placed.map(RawNames::nameOf))
                    .containsExactlyInAnyOrder(RawNames.decode(BAD), RawNames.decode(LONE));
        }
        assertThat(Files.readAllBytes(raw(library.resolve("Pictures"), "bad%FF.jpg")))
                .isEqualTo(Files.readAllBytes(bad));

        // Into a new album: created with its first file, named by its bytes too.
        Cli.Result intoAlbum = new CliProcess()
                .in(outside)
                .runBytes(bytes("import"), bytes(library.toString()), bytes("--album"), bytes("Trip"), LONE);
        assertThat(intoAlbum.exitCode()).as(intoAlbum.err()).isZero();
        assertThat(intoAlbum.out()).matches("created the album Trip\n[0-9a-z]{13}  caf\\\\xC3\\.jpg\n");
        assertThat(raw(library.resolve("Trip"), "caf%C3.jpg")).exists();
    }

    @Test
    void aLibraryWhosePathIsNotUtf8IsScannedAndListed() throws Exception {
        Path library = Files.createDirectories(raw(folder, "Lib%FF/"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        TestMedia.jpeg(raw(library, "bad%FF.jpg"), 12, 16);
        byte[] libraryArg = bytes(folder + "/Lib");
        libraryArg = concat(libraryArg, new byte[] {(byte) 0xFF});

        Cli.Result scan = new CliProcess().runBytes(bytes("scan"), libraryArg);
        Cli.Result assets = new CliProcess().runBytes(bytes("assets"), libraryArg);
        Cli.Result again = new CliProcess().runBytes(bytes("scan"), libraryArg);

        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).containsPattern("added +2\n");
        assertThat(Files.isDirectory(library.resolve(".camroll"))).isTrue();
        assertThat(assets.exitCode()).as(assets.err()).isZero();
        assertThat(assets.out()).contains("a.jpg").contains("bad\\xFF.jpg");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .containsPattern("added +0\n")
                .containsPattern("changed +0\n")
                .containsPattern("removed +0\n");
    }

    private static Path raw(Path folder, String encodedName) {
        return Path.of(URI.create(folder.toUri() + encodedName));
    }

    private static byte[] bytes(String word) {
        return word.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
