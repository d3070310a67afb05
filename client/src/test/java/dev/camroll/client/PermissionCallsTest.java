package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.PermissionStatus;
import dev.camroll.core.access.App;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.wire.PermissionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getPermissions, requestPermissions and presentPermissionsPicker of the client, as an app, against a real server. */
class PermissionCallsTest {
    @TempDir
    Path root;

    private static String appToken(LiveServer server) {
        App app = server.apps().add("Frame");
        return server.apps().issue(app.id(), Set.of("library.read")).accessToken();
    }

    @Test
    void theOwnerHasEverything() {
        try (LiveServer server = LiveServer.start(root);
                CamrollClient owner = server.connect()) {
            assertThat(owner.getPermissions(false, Set.of())).isEqualTo(PermissionResponse.owner());
            assertThat(owner.requestPermissions(false, Set.of())).isEqualTo(PermissionResponse.owner());
        }
    }

    @Test
    void anAppAsksWaitsAndIsAnswered() throws Exception {
        try (LiveServer server = LiveServer.start(root);
                CamrollClient app = server.connectAs(appToken(server))) {
            Set<GranularPermission> photos = EnumSet.of(GranularPermission.PHOTO);
            PermissionResponse before = app.getPermissions(false, photos);
            assertThat(before.status()).isEqualTo(PermissionStatus.UNDETERMINED);
            assertThat(before.canAskAgain()).isTrue();

            CompletableFuture<PermissionRequest> asked =
                    CompletableFuture.supplyAsync(() -> app.requestPermissions(false, photos, Duration.ofSeconds(30)));
            ConsentRequest request = awaitPending(server);
            server.grants().answer(request.id(), new ConsentAnswer.AllowAll(false));
            PermissionRequest answered = asked.get(20, TimeUnit.SECONDS);
            assertThat(answered.pending()).isFalse();
            assertThat(answered.requestId()).isEqualTo(request.id());
            assertThat(answered.consentUrl()).startsWith(server.url().toString());
            assertThat(answered.permissions().granted()).isTrue();
            assertThat(answered.permissions().accessPrivileges()).isEqualTo(AccessPrivileges.ALL);
            assertThat(answered.permissions().granularPermissions()).containsExactly(GranularPermission.PHOTO);
            assertThat(app.getPermissions(false, photos)).isEqualTo(answered.permissions());
        }
    }

    @Test
    void requestPermissionsAnswersAtOnceWithTheStateAsItIs() {
        try (LiveServer server = LiveServer.start(root);
                CamrollClient app = server.connectAs(appToken(server))) {
            PermissionResponse now = app.requestPermissions(false, Set.of());
            assertThat(now.status()).isEqualTo(PermissionStatus.UNDETERMINED);
            assertThat(server.grants().pending()).hasSize(1);
            server.grants().answer(server.grants().pending().getFirst().id(), new ConsentAnswer.Deny(true));
            PermissionResponse refused = app.getPermissions(false, Set.of());
            assertThat(refused.status()).isEqualTo(PermissionStatus.DENIED);
            assertThat(refused.canAskAgain()).isFalse();
        }
    }

    @Test
    void thePickerOpensAReselectionForALimitedApp() {
        try (LiveServer server = LiveServer.start(root);
                CamrollClient app = server.connectAs(appToken(server))) {
            PermissionRequest first = app.requestPermissions(false, Set.of(), Duration.ZERO);
            server.grants().answer(first.requestId(), new ConsentAnswer.AllowSelected(Set.of(), Set.of(), false));
            app.presentPermissionsPicker(EnumSet.of(MediaType.PHOTO));
            List<ConsentRequest> pending = server.grants().pending();
            assertThat(pending).singleElement().satisfies(request -> {
                assertThat(request.kind()).isEqualTo(ConsentRequest.Kind.RESELECTION);
                assertThat(request.granular()).containsExactly(GranularPermission.PHOTO);
            });
            PermissionRequest opened = app.openPermissionsPicker(Set.of());
            assertThat(opened.pending()).isTrue();
            assertThat(opened.consentUrl()).endsWith(opened.requestId());
        }
    }

    private static ConsentRequest awaitPending(LiveServer server) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<ConsentRequest> pending = server.grants().pending();
            if (!pending.isEmpty()) {
                return pending.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request reached the owner");
    }
}
