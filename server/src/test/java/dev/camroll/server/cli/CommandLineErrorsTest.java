package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad command line: one line on stderr starting with "camroll: ", nothing on stdout, exit 2. The
 * library folder has no index, so a command line that got as far as opening it would fail with
 * exit 1 and "no index" instead.
 */
class CommandLineErrorsTest {

    @TempDir
    Path library;

    private final Cli cli = new Cli();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --frist 3                                  | unknown options: '--frist', '3'
            --frist=3                                  | unknown option: '--frist=3'
            --first                                    | missing required parameter for option '--first'
            --first x                                  | invalid value for option '--first'
            --first 0                                  | first must be between 1 and 100000, got 0
            --sort size                                | unknown sort key 'size'
            --sort width:up                            | bad sort direction 'up'
            --sort width,width:asc                     | sortBy names a key twice
            --media-type photo,vid                     | unknown media type 'vid'
            --created-after 2024-13-01                 | bad time '2024-13-01'
            --created-before 2024-05-01T25:00          | bad time '2024-05-01T25:00'
            --created-before yesterday                 | bad time 'yesterday'
            --time-zone Mars/Base                      | unknown time zone 'Mars/Base'
            """)
    void badAssetsOptions(String options, String message) {
        String[] args = ("assets " + library + " " + options).split(" ");

        Cli.Result result = cli.run(args);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("camroll: ").contains(message).hasLineCount(1);
        assertThat(Files.exists(library.resolve(".camroll"))).isFalse();
    }

    @Test
    void missingLibraryIsAUsageError() {
        Cli.Result result = cli.run("assets");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("camroll: missing required parameter: 'LIBRARY'; see 'camroll assets --help'\n");
    }

    @Test
    void infoWithoutIdIsAUsageError() {
        Cli.Result result = cli.run("info", library.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("camroll: missing required parameter: 'ID'")
                .hasLineCount(1);
    }

    @Test
    void unknownCommandSuggestsTheNearest() {
        Cli.Result result = cli.run("scna", library.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("camroll: unmatched argument")
                .contains("scan")
                .hasLineCount(1);
    }

    @Test
    void noCommandPrintsTheUsageOnStderr() {
        Cli.Result result = cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: camroll").contains("scan", "assets", "info", "albums");
    }

    @Test
    void helpAndVersionGoToStdout() {
        Cli.Result help = cli.run("assets", "--help");
        Cli.Result version = cli.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--created-after=TIME", "--sort=KEY[:asc|desc]", "--media-type=TYPE");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("camroll 0.").contains("Java 25");
    }
}
