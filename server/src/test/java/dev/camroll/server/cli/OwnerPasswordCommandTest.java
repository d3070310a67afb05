package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.server.http.owner.OwnerPassword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll owner password} in a process of its own, and the first-start link {@code serve} prints until then. */
class OwnerPasswordCommandTest {
    private static final Pattern LINK =
            Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/owner/welcome\\?code=[A-Za-z0-9_-]+)");

    @TempDir
    Path root;

    @Test
    void setsThePasswordReadTwiceFromStandardInput() throws Exception {
        Cli.Result set = ownerPassword("a password for scripts\na password for scripts\n");

        assertThat(set.exitCode()).as(set.err()).isEqualTo(0);
        assertThat(set.out()).contains("password is set");
        Path file = root.resolve(".camroll/owner-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("$argon2id$").doesNotContain("scripts");
        assertThat(OwnerPassword.of(root.resolve(".camroll")).matches("a password for scripts"))
                .isTrue();

        Cli.Result changed = ownerPassword("another one, longer\nanother one, longer\n");
        assertThat(changed.exitCode()).isEqualTo(0);
        assertThat(OwnerPassword.of(root.resolve(".camroll")).matches("another one, longer"))
                .isTrue();
    }

    @Test
    void twoDifferentOrAShortPasswordChangeNothing() throws Exception {
        Cli.Result differ = ownerPassword("a password for scripts\na password for scriptz\n");
        assertThat(differ.exitCode()).isNotZero();
        assertThat(differ.err()).contains("differ");

        Cli.Result shortOne = ownerPassword("short\nshort\n");
        assertThat(shortOne.exitCode()).isNotZero();
        assertThat(shortOne.err()).contains("at least 12 characters");

        Cli.Result nothing = ownerPassword("");
        assertThat(nothing.exitCode()).isNotZero();

        assertThat(Files.exists(root.resolve(".camroll/owner-password"))).isFalse();
    }

    @Test
    void servePrintsAOneTimeLinkUntilAPasswordIsSet() throws Exception {
        List<String> first = serveUntilWatching();
        String link = first.stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link in " + first));
        assertThat(first).anySatisfy(line -> assertThat(line).contains("Choose the owner's password"));

        assertThat(ownerPassword("a password for scripts\na password for scripts\n")
                        .exitCode())
                .isEqualTo(0);

        List<String> second = serveUntilWatching();
        assertThat(String.join("\n", second)).doesNotContain("/owner/welcome").doesNotContain(link);
    }

    /** Starts serve, reads what it prints up to "Watching" and the link's page while it runs, then stops it. */
    private List<String> serveUntilWatching() throws Exception {
        Process process = new CliProcess()
                .builder("serve", root.toString(), "--port", "0", "--no-thumbnails-ahead")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line; (line = out.readLine()) != null && !line.startsWith("Watching"); ) {
                lines.add(line);
                Matcher link = LINK.matcher(line);
                if (link.find()) {
                    // The link opens the page that chooses the password while this server runs.
                    HttpResponse<String> page = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(link.group(1)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(200);
                    assertThat(page.body()).contains("Choose this password");
                }
            }
            return lines;
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Cli.Result ownerPassword(String input) throws IOException, InterruptedException {
        Files.createDirectories(root);
        Process process =
                new CliProcess().builder("owner", "password", root.toString()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Cli.Result(process.exitValue(), out, err);
    }
}
