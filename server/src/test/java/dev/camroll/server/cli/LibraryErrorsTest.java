package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library or index the commands cannot use: one line on stderr starting with "camroll: ", exit
 * 1, and a stack trace only with --debug or CAMROLL_DEBUG=1.
 */
class LibraryErrorsTest {

    private static final String HINT = " (run again with --debug or CAMROLL_DEBUG=1 for the stack trace)";

    @TempDir
    Path library;

    private final Cli cli = new Cli();

    @Test
    void queriesWithoutAnIndexSayToScanFirst() {
        for (String command : new String[] {"assets", "albums"}) {
            Cli.Result result = cli.run(command, library.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .isEqualTo("camroll: no index in " + library.resolve(".camroll") + ": run camroll scan " + library
                            + " first\n");
        }
        Path data = library.resolve("idx");
        Cli.Result withData = cli.run("info", library.toString(), "0000000000000", "--data", data.toString());

        assertThat(withData.exitCode()).isEqualTo(1);
        assertThat(withData.err())
                .isEqualTo("camroll: no index in " + data + ": run camroll scan " + library + " --data " + data
                        + " first\n");
        // Queries never create an index.
        assertThat(Files.exists(library.resolve(".camroll"))).isFalse();
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void queriesOfAMissingLibraryFolder() {
        Path missing = library.resolve("missing");

        Cli.Result result = cli.run("albums", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("camroll: library folder " + missing + " does not exist\n");
    }

    @Test
    void anIndexThatIsNotADatabaseIsMovedAsideAndRebuiltWithOneLineSayingSo() throws Exception {
        Path index = Files.createDirectories(library.resolve(".camroll")).resolve("index.db");
        Files.writeString(index, "plain text where the index should be");

        Cli.Result plain = cli.run("assets", library.toString());
        Cli.Result scan = cli.run("scan", library.toString());

        assertThat(plain.exitCode()).isZero();
        assertThat(plain.err())
                .startsWith("camroll: the index " + index + " was damaged (it is not an SQLite database);"
                        + " it was moved to " + index + ".damaged-")
                .hasLineCount(1);
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.err()).as("told once").isEmpty();
        try (var files = Files.list(index.getParent())) {
            Path aside = files.filter(path -> path.getFileName().toString().startsWith("index.db.damaged-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("plain text where the index should be");
        }
    }

    @Test
    void aFolderInPlaceOfTheIndex() throws Exception {
        Path index = Files.createDirectories(library.resolve(".camroll/index.db"));

        Cli.Result scan = cli.run("scan", library.toString());
        Cli.Result query = cli.run("assets", library.toString());

        assertThat(scan.exitCode()).isEqualTo(1);
        assertThat(scan.err())
                .startsWith("camroll: cannot open the index " + index + ": ")
                .hasLineCount(1);
        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.err()).startsWith("camroll: no index in " + library.resolve(".camroll") + ": ");
    }

    /**
     * An index row this Camroll cannot read, as a newer one might write: a media subtype it does
     * not know. The engine fails with an exception that is not a CamrollException.
     */
    @Test
    void anIndexWrittenByANewerCamrollWithUnknownSubtypesStillLists() throws Exception {
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        assertThat(cli.run("scan", library.toString()).exitCode()).isZero();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + library.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE assets SET subtypes = 'hologram'"))
                    .isEqualTo(1);
        }
        Cli.Result listed = cli.run("assets", library.toString());
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("a.jpg");
    }

    @Test
    void unexpectedExceptionsGetAHintAndTheirTraceOnlyWhenDebugging() {
        // No input makes the engine throw anything but its own exceptions, so the handler the
        // command line uses is given one directly.
        Exception unexpected = new IllegalStateException("out of order");
        String plain = handle(CamrollCommand.commandLine(false), unexpected);
        String debug = handle(CamrollCommand.commandLine(true), unexpected);

        assertThat(plain)
                .isEqualTo("camroll: unexpected error: java.lang.IllegalStateException: out of order" + HINT + "\n");
        assertThat(debug)
                .startsWith("camroll: unexpected error: java.lang.IllegalStateException: out of order\n")
                .contains("\tat dev.camroll.server.cli.LibraryErrorsTest")
                .doesNotContain(HINT);
    }

    private static String handle(picocli.CommandLine commandLine, Exception exception) {
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exitCode;
        try {
            exitCode =
                    commandLine.getExecutionExceptionHandler().handleExecutionException(exception, commandLine, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(exitCode).isEqualTo(1);
        return err.toString();
    }
}
