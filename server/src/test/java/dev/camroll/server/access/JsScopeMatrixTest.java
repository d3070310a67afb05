package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.JSON;
import static dev.camroll.server.access.MatrixLibrary.LOCATED;
import static dev.camroll.server.access.MatrixLibrary.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.server.http.NodeRuntime;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JavaScript module (expo's function names, run by Node) as an app in every state of the
 * matrix: its lists and counts hold exactly what the state lets it see, getAssetInfoAsync gives
 * null for a hidden id as for a made-up one, a hidden original answers as a made-up one, its
 * albums count what it sees, locations only with the permission, and a revoked token is refused.
 */
class JsScopeMatrixTest extends OnMatrixLibrary {
    private static final String MADE = "js-made.jpg";

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theModuleSeesInEachStateWhatTheStateAllows() throws Exception {
        Path node = NodeRuntime.require("JsScopeMatrixTest");
        Map<AppState, String> tokens = new EnumMap<>(AppState.class);
        for (AppState state : AppState.values()) {
            tokens.put(state, state.enter(matrix));
        }
        HttpResponse<String> made = matrix.upload(tokens.get(AppState.ADD_ONLY), MADE, TestMedia.jpegBytes(21, 34));
        assertThat(made.statusCode()).as(made.body()).isIn(200, 201);

        Map<String, String> types = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (JsonNode asset : json(matrix.get(
                        matrix.ownerToken, "/api/v1/assets?first=100&mediaType=photo,video,audio"))
                .path("assets")) {
            types.put(asset.path("filename").asText(), asset.path("mediaType").asText());
            ids.put(asset.path("filename").asText(), asset.path("id").asText());
        }
        ObjectNode states = JSON.createObjectNode();
        for (AppState state : AppState.values()) {
            Set<String> created = state.seen == AppState.Seen.CREATED ? Set.of(MADE) : Set.of();
            ObjectNode app = states.putObject(state.name());
            app.put("token", tokens.get(state));
            app.put("revoked", state == AppState.REVOKED);
            app.put("location", state.location);
            ArrayNode sees = app.putArray("sees");
            ArrayNode hidden = app.putArray("hidden");
            ArrayNode located = app.putArray("located");
            types.forEach((name, type) -> {
                if (state.sees(name, type, created)) {
                    sees.add(ids.get(name));
                    if (LOCATED.contains(name)) {
                        located.add(ids.get(name));
                    }
                } else {
                    hidden.add(ids.get(name));
                }
            });
        }

        ProcessBuilder builder = new ProcessBuilder(
                        node.toString(), "--test", "--test-reporter=spec", "testing/scope-matrix.mjs")
                .directory(NodeRuntime.MODULE.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CAMROLL_URL", matrix.uri("/").toString());
        builder.environment().put("CAMROLL_MATRIX", JSON.writeValueAsString(states));
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.out.println(output);
        assertThat(exit).as("node --test failed:%n%s", output).isZero();
        // One test per state ran, and none failed.
        assertThat(output).contains("ℹ pass " + AppState.values().length).contains("ℹ fail 0");
    }
}
