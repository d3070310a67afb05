package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.PermissionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A permission state is written in expo-media-library's shape and reads back equal. */
class PermissionJsonTest {
    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void aLimitedOneTimeGrantInExposShape() throws Exception {
        PermissionResponse limited = new PermissionResponse(
                PermissionStatus.GRANTED,
                true,
                Optional.of(Instant.ofEpochMilli(1_800_000_000_123L)),
                AccessPrivileges.LIMITED,
                Set.of(GranularPermission.VIDEO, GranularPermission.PHOTO),
                false,
                false);
        JsonNode json = JSON.readTree(ApiJson.writeLine(limited));
        assertThat(json.path("status").asText()).isEqualTo("granted");
        assertThat(json.path("granted").asBoolean()).isTrue();
        assertThat(json.path("canAskAgain").asBoolean()).isTrue();
        assertThat(json.path("expires").asLong()).isEqualTo(1_800_000_000_123L);
        assertThat(json.path("accessPrivileges").asText()).isEqualTo("limited");
        assertThat(json.path("granularPermissions").toString()).isEqualTo("[\"photo\",\"video\"]");
        assertThat(json.path("writeOnly").asBoolean()).isFalse();
        assertThat(json.path("location").asBoolean()).isFalse();
    }

    @Test
    void aGrantForEverExpiresNever() throws Exception {
        JsonNode json = JSON.readTree(ApiJson.write(PermissionResponse.owner()));
        assertThat(json.path("expires").asText()).isEqualTo("never");
        assertThat(ApiJson.readPermissionResponse(ApiJson.write(PermissionResponse.owner())))
                .isEqualTo(PermissionResponse.owner());
    }

    @Test
    void anExpiryThatIsNeitherNeverNorANumberIsMalformed() {
        assertThatThrownBy(() -> ApiJson.readPermissionResponse("{\"status\":\"granted\",\"expires\":\"soon\"}"))
                .isInstanceOf(dev.camroll.api.CamrollException.class)
                .hasMessageContaining("expires");
    }

    @Property(tries = 200)
    void responsesReadBackEqual(@ForAll("responses") PermissionResponse response) {
        assertThat(ApiJson.readPermissionResponse(ApiJson.write(response))).isEqualTo(response);
    }

    @Property(tries = 100)
    void requestsReadBackEqual(@ForAll("responses") PermissionResponse response, @ForAll boolean pending) {
        PermissionRequest request = pending
                ? new PermissionRequest(response, "r1", "https://camroll.test/oauth/consent/r1", true)
                : PermissionRequest.none(response);
        assertThat(ApiJson.readPermissionRequest(ApiJson.writeLine(request))).isEqualTo(request);
    }

    @Provide
    Arbitrary<PermissionResponse> responses() {
        return Builders.withBuilder(() -> new Object[7])
                .use(Arbitraries.of(PermissionStatus.class))
                .in((fields, status) -> set(fields, 0, status))
                .use(Arbitraries.of(true, false))
                .in((fields, flag) -> set(fields, 1, flag))
                .use(Arbitraries.longs().between(0, 4_000_000_000_000L).optional())
                .in((fields, millis) -> set(fields, 2, millis.map(Instant::ofEpochMilli)))
                .use(Arbitraries.of(AccessPrivileges.class))
                .in((fields, privileges) -> set(fields, 3, privileges))
                .use(Arbitraries.of(GranularPermission.class).set())
                .in((fields, granular) -> set(
                        fields,
                        4,
                        granular.isEmpty() ? EnumSet.noneOf(GranularPermission.class) : EnumSet.copyOf(granular)))
                .use(Arbitraries.of(true, false))
                .in((fields, flag) -> set(fields, 5, flag))
                .use(Arbitraries.of(true, false))
                .in((fields, flag) -> set(fields, 6, flag))
                .build(PermissionJsonTest::response);
    }

    private static Object[] set(Object[] fields, int index, Object value) {
        fields[index] = value;
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static PermissionResponse response(Object[] fields) {
        return new PermissionResponse(
                (PermissionStatus) fields[0],
                (Boolean) fields[1],
                (Optional<Instant>) fields[2],
                (AccessPrivileges) fields[3],
                (Set<GranularPermission>) fields[4],
                (Boolean) fields[5],
                (Boolean) fields[6]);
    }
}
