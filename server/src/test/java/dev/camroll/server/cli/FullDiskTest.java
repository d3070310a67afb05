package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is named as such, for the index and for the files of an import, and leaves nothing
 * half written. The disk is a small tmpfs (the test is skipped where it cannot be mounted).
 */
class FullDiskTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();

    @Test
    void aFullDiskUnderTheIndexIsNamed() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = folder.resolve("data");
        try (SmallDisk disk = SmallDisk.mount(data, "1m")) {
            Cli.Result scan = cli.run("scan", library.toString(), "--data", data.toString());
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            String id = cli.run("assets", library.toString(), "--data", data.toString(), "--json")
                    .out()
                    .replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-z]+)\".*", "$1");
            for (int i = 0; i < 20; i++) {
                TestMedia.jpeg(library.resolve("new-" + i + ".jpg"), 16 + i, 12);
            }
            disk.fill();

            Cli.Result favorite = cli.run("favorite", library.toString(), id, "--data", data.toString());
            Cli.Result rescan = cli.run("scan", library.toString(), "--data", data.toString());

            for (Cli.Result failed : new Cli.Result[] {favorite, rescan}) {
                assertThat(failed.exitCode()).isEqualTo(1);
                assertThat(failed.err())
                        .startsWith("camroll: no space left on device")
                        .hasLineCount(1)
                        .doesNotContain("no transaction is active", "unexpected");
            }
        }
    }

    /** The disk fills while the library is open (a long scan or import fills it): the commit fails. */
    @Test
    void aDiskThatFillsWhileTheLibraryIsOpenIsNamed() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = folder.resolve("data");
        try (SmallDisk disk = SmallDisk.mount(data, "1m");
                MediaLibrary opened =
                        MediaLibrary.open(library, new LibraryOptions(data, true, ZoneOffset.UTC, null, false, null))) {
            String id = opened.getAssets(AssetQuery.builder().build())
                    .assets()
                    .getFirst()
                    .id();
            disk.fill();

            assertThatThrownBy(() -> opened.setFavorite(id, true))
                    .isInstanceOfSatisfying(
                            CamrollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SPACE))
                    .hasMessageStartingWith("no space left on device: cannot write the index ")
                    .hasMessageNotContaining("no transaction is active");
            Files.delete(data.resolve("filler"));
            opened.setFavorite(id, true);
            assertThat(opened.getAssetInfo(id).isFavorite()).isTrue();
        }
    }

    @Test
    void anImportOntoAFullDiskIsNamedAndLeavesNoPartOfTheFile() throws Exception {
        Path library = folder.resolve("Library");
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Path big = TestMedia.jpeg(outside.resolve("big.jpg"), 1200, 900);
        try (SmallDisk disk = SmallDisk.mount(library, "1m")) {
            TestMedia.jpeg(library.resolve("Pictures/a.jpg"), 16, 12);
            assertThat(cli.run("scan", library.toString()).exitCode()).isZero();
            disk.fill();

            Cli.Result imported = cli.run("import", library.toString(), big.toString());

            assertThat(imported.exitCode()).isEqualTo(1);
            assertThat(imported.err())
                    .startsWith("camroll: ")
                    .containsIgnoringCase("no space left on device")
                    .hasLineCount(1)
                    .doesNotContain("unexpected");
            try (Stream<Path> pictures = Files.list(library.resolve("Pictures"))) {
                assertThat(pictures.map(path -> path.getFileName().toString())).containsExactly("a.jpg");
            }
        }
    }

    /** An upload that fills the disk half-way is no_space, and neither its part nor a temporary file stays. */
    @Test
    void aStreamThatFillsTheDiskIsNoSpaceAndLeavesNothing() throws Exception {
        Path library = folder.resolve("Library");
        byte[] upload = Arrays.copyOf(TestMedia.jpegBytes(64, 48), 3 << 20);
        try (SmallDisk disk = SmallDisk.mount(library, "2m");
                MediaLibrary opened =
                        MediaLibrary.open(library, new LibraryOptions(null, true, ZoneOffset.UTC, null, false, null))) {
            AssetSource source = AssetSource.stream("upload.jpg", new ByteArrayInputStream(upload), upload.length);

            assertThatThrownBy(() -> opened.createAsset(source, null))
                    .isInstanceOfSatisfying(
                            CamrollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SPACE))
                    .hasMessageContaining("upload.jpg");
            assertThat(opened.getAssets(AssetQuery.builder().build()).totalCount())
                    .isZero();
            try (Stream<Path> files = Files.walk(library)) {
                assertThat(files.filter(Files::isRegularFile)
                                .filter(file -> !file.startsWith(library.resolve(".camroll"))))
                        .isEmpty();
            }
        }
    }
}
