package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder the commands cannot use as it is: a file in its place, a read-only folder, a
 * garbage index. One line on stderr that names the cause and what to do, exit 1, and nothing of
 * the person's files touched.
 */
class DataFolderErrorsTest {

    @TempDir
    Path folder;

    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDataPathThatIsAFileIsNamedByEveryCommand() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "the person's notes\n");
        Path photo = TestMedia.jpeg(folder.resolve("b.jpg"), 16, 12);

        for (String[] command : new String[][] {
            {"scan", library.toString()},
            {"assets", library.toString()},
            {"watch", library.toString()},
            {"import", library.toString(), photo.toString()},
        }) {
            Cli.Result result = cli.run(concat(command, "--data", notAFolder.toString()));

            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .isEqualTo("camroll: the data folder " + notAFolder + " is a file, not a folder: give --data a"
                            + " folder\n");
        }
        assertThat(Files.readString(notAFolder)).isEqualTo("the person's notes\n");
    }

    @Test
    void aFileInPlaceOfTheDefaultDataFolderIsNamed() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path dotCamroll = Files.writeString(library.resolve(".camroll"), "not ours\n");

        Cli.Result scan = cli.run("scan", library.toString());

        assertThat(scan.exitCode()).isEqualTo(1);
        assertThat(scan.err())
                .isEqualTo("camroll: the data folder " + dotCamroll
                        + " is a file, not a folder: remove or rename that file, or give --data a folder\n");
        assertThat(Files.readString(dotCamroll)).isEqualTo("not ours\n");
    }

    @Test
    void aReadOnlyDataFolderRefusesWritesInOneLine() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = folder.resolve("data");
        try (SmallDisk disk = SmallDisk.mount(data, "4m")) {
            assertThat(cli.run("scan", library.toString(), "--data", data.toString())
                            .exitCode())
                    .isZero();
            String id = json.readTree(cli.run("assets", library.toString(), "--data", data.toString(), "--json")
                            .out())
                    .get("assets")
                    .get(0)
                    .get("id")
                    .asText();
            TestMedia.jpeg(library.resolve("new.jpg"), 20, 12);
            disk.makeReadOnly();

            String expected = "camroll: the data folder " + data + " is read-only: this command writes the index"
                    + " there; make it writable, or give --data a folder that is\n";
            for (String[] command : new String[][] {
                {"scan", library.toString()}, {"favorite", library.toString(), id}, {"rm", library.toString(), id},
            }) {
                Cli.Result result = cli.run(concat(command, "--data", data.toString()));

                assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(1);
                assertThat(result.err()).isEqualTo(expected);
            }
            try (Stream<Path> files = Files.list(library)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("a.jpg", "new.jpg");
            }
        }
    }

    /** The engine opens the index read-only when it cannot write: queries still answer. */
    @Test
    void aReadOnlyDataFolderStillAnswersQueries() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = folder.resolve("data");
        try (SmallDisk disk = SmallDisk.mount(data, "4m")) {
            assertThat(cli.run("scan", library.toString(), "--data", data.toString())
                            .exitCode())
                    .isZero();
            disk.makeReadOnly();

            Cli.Result assets = cli.run("assets", library.toString(), "--data", data.toString());
            Cli.Result albums = cli.run("albums", library.toString(), "--data", data.toString());

            assertThat(assets.exitCode()).as(assets.err()).isZero();
            assertThat(assets.out()).contains("a.jpg");
            assertThat(albums.exitCode()).as(albums.err()).isZero();
        }
    }

    /** A garbage index is moved aside (kept, never deleted) and rebuilt, said in one line. */
    @Test
    void aGarbageIndexIsMovedAsideAndRebuiltSaidInOneLine() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path index = Files.createDirectories(library.resolve(".camroll")).resolve("index.db");
        Files.writeString(index, "plain text where the index should be");

        Cli.Result scan = cli.run("scan", library.toString());

        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.err())
                .startsWith("camroll: ")
                .contains(index.toString())
                .hasLineCount(1);
        // The open rebuilt the index from the folder tree before the scan ran.
        Cli.Result assets = cli.run("assets", library.toString());
        assertThat(assets.exitCode()).as(assets.err()).isZero();
        assertThat(assets.out()).contains("a.jpg");
        assertThat(assets.err()).as("said once, by the command that found it").isEmpty();
        try (Stream<Path> data = Files.list(library.resolve(".camroll"))) {
            assertThat(data.filter(path -> !path.equals(index)).anyMatch(path -> {
                        try {
                            return Files.isRegularFile(path)
                                    && Files.readString(path).equals("plain text where the index should be");
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }))
                    .isTrue();
        }
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }
}
