package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll scan}: the summary of what changed, the warnings, the JSON and where the index goes. */
class ScanCommandTest {

    @TempDir
    Path library;

    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void summaryOfTheFirstScanAndOfTheNext() throws Exception {
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        TestMedia.jpeg(library.resolve("b.jpg"), 16, 12);
        TestMedia.jpeg(library.resolve("2024/c.jpg"), 16, 12);

        Cli.Result first = cli.run("scan", library.toString());
        Cli.Result second = cli.run("scan", library.toString());
        Path changed = TestMedia.jpeg(library.resolve("a.jpg"), 32, 24);
        Files.setLastModifiedTime(
                changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5_000));
        Files.delete(library.resolve("b.jpg"));
        Cli.Result third = cli.run("scan", library.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).matches("""
                        added      3
                        changed    0
                        removed    0
                        unchanged  0
                        warnings   0
                        elapsed    [0-9.]+ (ms|s)
                        files/s    [0-9.]+
                        """);
        assertThat(second.out()).matches("""
                        added      0
                        changed    0
                        removed    0
                        unchanged  3
                        warnings   0
                        elapsed    [0-9.]+ (ms|s)
                        files/s    -
                        """);
        assertThat(third.out()).startsWith("""
                added      0
                changed    1
                removed    1
                unchanged  1
                warnings   0
                """);
        assertThat(Files.isRegularFile(library.resolve(".camroll/index.db"))).isTrue();
    }

    @Test
    void warningsAreCountedAndListedOnRequest() throws Exception {
        Path quietLibrary = badFiles(library.resolve("quiet"));
        Path listedLibrary = badFiles(library.resolve("listed"));

        Cli.Result quiet = cli.run("scan", quietLibrary.toString());
        Cli.Result listed = cli.run("scan", listedLibrary.toString(), "--warnings");

        assertThat(quiet.out())
                .contains("added      2\n", "warnings   2\n")
                .endsWith("(list the warnings with --warnings)\n")
                .doesNotContain("warning:");
        assertThat(listed.out())
                .contains("warnings   2\n")
                .containsPattern("\nwarning: 2024/cut\\.jpg: [^\n]+ \\(indexed\\)\n")
                .containsPattern("\nwarning: 2024/notes\\.jpg: [^\n]+ \\(skipped\\)\n")
                .doesNotContain("--warnings");
    }

    @Test
    void json() throws Exception {
        badFiles(library);

        Cli.Result result = cli.run("scan", library.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = json.readTree(result.out());
        assertThat(report.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("added", "changed", "removed", "unchanged", "warnings", "elapsedMillis");
        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(result.out()).contains("\"added\": 2");
        assertThat(report.get("warnings")).hasSize(2);
        JsonNode cut = null;
        for (JsonNode warning : report.get("warnings")) {
            assertThat(warning.properties().stream().map(Map.Entry::getKey).toList())
                    .containsExactly("path", "message", "indexed");
            if (warning.get("path").asText().equals("2024/cut.jpg")) {
                cut = warning;
            }
        }
        assertThat(cut).isNotNull();
        assertThat(cut.get("indexed").asBoolean()).isTrue();
        assertThat(cut.get("message").asText()).isNotBlank();
    }

    @Test
    void queriesReadTheIndexAsTheLastScanLeftIt() {
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        cli.run("scan", library.toString());
        TestMedia.jpeg(library.resolve("b.jpg"), 16, 12);

        Cli.Result before = cli.run("assets", library.toString());
        Cli.Result scan = cli.run("scan", library.toString());
        Cli.Result after = cli.run("assets", library.toString());

        assertThat(before.out()).contains("a.jpg").doesNotContain("b.jpg").contains("totalCount 1,");
        assertThat(scan.out()).startsWith("added      1\n");
        assertThat(after.out()).contains("a.jpg", "b.jpg").contains("totalCount 2,");
    }

    @Test
    void dataPutsTheIndexElsewhere() throws Exception {
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = library.resolveSibling(library.getFileName() + "-index");

        Cli.Result scan = cli.run("scan", library.toString(), "--json", "--data", data.toString());

        assertThat(json.readTree(scan.out()).get("added").asInt()).isEqualTo(1);
        assertThat(Files.isRegularFile(data.resolve("index.db"))).isTrue();
        assertThat(Files.exists(library.resolve(".camroll"))).isFalse();
        assertThat(cli.run("assets", library.toString()).err()).contains("no index in");
        assertThat(cli.run("assets", library.toString(), "--data", data.toString())
                        .out())
                .contains("a.jpg")
                .contains("totalCount 1");
    }

    @Test
    void scanCreatesTheIndexOfAFolderWithoutOne() {
        Cli.Result result = cli.run("scan", library.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("added      0\n").contains("files/s    -\n");
        assertThat(Files.isRegularFile(library.resolve(".camroll/index.db"))).isTrue();
    }

    @Test
    void missingLibraryFolder() throws Exception {
        Path missing = library.resolve("missing");
        Path file = Files.writeString(library.resolve("file.txt"), "not a folder");

        Cli.Result notThere = cli.run("scan", missing.toString());
        Cli.Result notAFolder = cli.run("scan", file.toString());

        assertThat(notThere.exitCode()).isEqualTo(1);
        assertThat(notThere.out()).isEmpty();
        assertThat(notThere.err()).isEqualTo("camroll: library folder " + missing + " does not exist\n");
        assertThat(notAFolder.exitCode()).isEqualTo(1);
        assertThat(notAFolder.err()).isEqualTo("camroll: library " + file + " is not a folder\n");
        assertThat(Files.exists(missing)).isFalse();
    }

    /**
     * One good photo, and in 2024/: a text file named like a photo (skipped) and a JPEG cut inside
     * its EXIF (indexed, without a size).
     */
    private static Path badFiles(Path root) throws Exception {
        TestMedia.jpeg(root.resolve("good.jpg"), 16, 12);
        Files.createDirectories(root.resolve("2024"));
        Files.writeString(root.resolve("2024/notes.jpg"), "plain text, named like a photo");
        byte[] jpeg = TestMedia.jpegWithExifBytes(
                64,
                48,
                TestMedia.ExifSpec.builder().make("Canon").model("Canon EOS R5").build());
        Files.write(root.resolve("2024/cut.jpg"), Arrays.copyOf(jpeg, 120));
        return root;
    }
}
