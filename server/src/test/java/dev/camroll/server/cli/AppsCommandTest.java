package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll apps}: an app added by hand gets its token and its grant; revoked, neither works. */
class AppsCommandTest {
    @TempDir
    Path folder;

    private SampleLibrary library;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void anAppAddedByHandSeesWhatItsScopeGrantsUntilRevoked() throws Exception {
        Cli.Result added = library.run("apps", "add", "Kitchen frame", "--scope", "library.read,media.photo", "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        JsonNode app = json.readTree(added.out());
        String id = app.path("id").asText();
        String token = app.path("accessToken").asText();
        assertThat(app.path("scope").asText()).isEqualTo("library.read media.photo");
        assertThat(app.path("refreshToken").asText()).isNotBlank();

        Cli.Result listed = library.run("apps", "list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(id).contains("Kitchen frame").contains("library.read media.photo");

        assertThat(totalCountFor(token))
                .as("the photos of the library, not its videos")
                .isEqualTo(SampleLibrary.PHOTOS);

        Cli.Result revoked = library.run("apps", "revoke", id);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(library.run("apps", "list").out()).contains("revoked");
        assertThat(totalCountFor(token)).as("a revoked app's token is refused").isEqualTo(-1);
    }

    @Test
    void anUnknownActionOrAppIsAnError() {
        assertThat(library.run("apps", "rename").exitCode()).isNotZero();
        Cli.Result unknown = library.run("apps", "revoke", "no-such-app");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("no-such-app");
    }

    /** The totalCount a server of the library answers the token, or -1 when it refuses it. */
    private int totalCountFor(String token) throws Exception {
        try (MediaLibrary opened = MediaLibrary.open(library.root, LibraryOptions.defaults());
                CamrollServer server = CamrollServer.start(
                        (LocalMediaLibrary) opened,
                        library.root.resolve(".camroll"),
                        OwnerToken.openOrCreate(library.root.resolve(".camroll"))
                                .stored(),
                        ServerOptions.defaults().withPort(0))) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/assets"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? json.readTree(response.body()).path("totalCount").asInt()
                    : -1;
        }
    }
}
