package dev.camroll.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apps of a library and their tokens, in a real index file. */
class AppRegistryTest {
    /** The grant the refreshes of these tests carry: its scopes, library.read and media.photo. */
    private static final Grant PHOTOS = Grant.all(Set.of(dev.camroll.api.GranularPermission.PHOTO), false);

    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

    @TempDir
    Path folder;

    private Database database;
    private AppRegistry apps;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("index.db"));
        apps = AppRegistry.of(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aTokenIsStoredOnlyAsItsHash() throws Exception {
        App app = apps.add("Frame");
        IssuedTokens issued = apps.issue(app.id(), Set.of("library.read"));
        database.close();
        byte[] index = readAll(folder);
        assertThat(contains(index, issued.accessToken().getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(contains(index, issued.refreshToken().getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(contains(index, sha256(issued.accessToken()))).isTrue();
        assertThat(Base64.getUrlDecoder().decode(issued.accessToken())).hasSize(32);
        database = Database.open(folder.resolve("index.db"));
        apps = AppRegistry.of(database);
        assertThat(apps.authenticate(issued.accessToken())).map(AppToken::app).contains(app.id());
    }

    @Test
    void aRevokedAppsTokensStopWorkingAtOnce() {
        App app = apps.add("Frame");
        IssuedTokens issued = apps.issue(app.id(), Set.of("library.read"));
        assertThat(apps.revoke(app.id())).isTrue();
        assertThat(apps.authenticate(issued.accessToken())).isEmpty();
        assertThatThrownBy(() -> apps.refresh(app.id(), issued.refreshToken(), PHOTOS))
                .isInstanceOf(AppTokenException.class);
        assertThat(apps.find(app.id()).orElseThrow().isRevoked()).isTrue();
        assertThat(apps.revoke(app.id())).isFalse();
    }

    @Test
    void aRefreshTokenReplacesItselfAndOneUsedTwiceRevokesItsFamily() {
        App app = apps.add("Frame");
        IssuedTokens first = apps.issue(app.id(), Set.of("library.read", "media.photo"));
        IssuedTokens second = apps.refresh(app.id(), first.refreshToken(), PHOTOS);
        assertThat(second.scopes()).containsExactlyInAnyOrder("library.read", "media.photo");
        assertThat(apps.authenticate(second.accessToken())).isPresent();

        assertThatThrownBy(() -> apps.refresh(app.id(), first.refreshToken(), PHOTOS))
                .isInstanceOfSatisfying(
                        AppTokenException.class, e -> assertThat(e.error()).isEqualTo(TokenError.INVALID_GRANT));
        assertThat(apps.authenticate(second.accessToken()))
                .as("a copied refresh token ends the grant")
                .isEmpty();
        assertThatThrownBy(() -> apps.refresh(app.id(), second.refreshToken(), PHOTOS))
                .isInstanceOf(AppTokenException.class);
    }

    @Test
    void aRefreshCarriesTheGrantAsItStandsNotTheFirstScope() {
        App app = apps.add("Frame");
        IssuedTokens first = apps.issue(app.id(), Set.of("library.read", "media.photo"));
        Grant changed = Grant.limited(Set.of(dev.camroll.api.GranularPermission.VIDEO), true);
        IssuedTokens second = apps.refresh(app.id(), first.refreshToken(), changed);
        assertThat(second.scopes()).containsExactlyInAnyOrder("library.limited", "media.video", "media.location");
        assertThat(apps.authenticate(second.accessToken()).orElseThrow().scopes())
                .containsExactlyInAnyOrderElementsOf(second.scopes());
        IssuedTokens third = apps.refresh(app.id(), second.refreshToken(), PHOTOS);
        assertThat(third.scopes()).containsExactlyInAnyOrder("library.read", "media.photo");
    }

    @Test
    void anotherAppCannotUseARefreshToken() {
        App owner = apps.add("Frame");
        App other = apps.add("Other");
        IssuedTokens issued = apps.issue(owner.id(), Set.of("library.read"));
        assertThatThrownBy(() -> apps.refresh(other.id(), issued.refreshToken(), PHOTOS))
                .isInstanceOf(AppTokenException.class);
        assertThat(apps.refresh(owner.id(), issued.refreshToken(), PHOTOS).accessToken())
                .isNotBlank();
    }

    @Test
    void aCodeIsUsedOnceByItsAppWithItsRedirectAndVerifier() {
        App app = apps.register("Web app", List.of("https://app.example/callback"));
        App other = apps.register("Other", List.of("https://other.example/cb"));
        String challenge = challengeOf(VERIFIER);

        String wrongVerifier = apps.newCode(
                app.id(), "https://app.example/callback", challenge, new Authorized(Set.of("library.read"), false));
        assertThatThrownBy(
                        () -> apps.redeemCode(app.id(), wrongVerifier, "https://app.example/callback", VERIFIER + "x"))
                .isInstanceOf(AppTokenException.class);
        String otherApp = apps.newCode(
                app.id(), "https://app.example/callback", challenge, new Authorized(Set.of("library.read"), false));
        assertThatThrownBy(() -> apps.redeemCode(other.id(), otherApp, "https://app.example/callback", VERIFIER))
                .isInstanceOf(AppTokenException.class);
        String otherRedirect = apps.newCode(
                app.id(), "https://app.example/callback", challenge, new Authorized(Set.of("library.read"), false));
        assertThatThrownBy(() -> apps.redeemCode(app.id(), otherRedirect, "https://app.example/other", VERIFIER))
                .isInstanceOf(AppTokenException.class);

        String code = apps.newCode(
                app.id(), "https://app.example/callback", challenge, new Authorized(Set.of("library.read"), false));
        IssuedTokens issued = apps.redeemCode(app.id(), code, "https://app.example/callback", VERIFIER);
        assertThat(issued.scopes()).containsExactly("library.read");
        assertThat(apps.authenticate(issued.accessToken())).isPresent();
        assertThatThrownBy(() -> apps.redeemCode(app.id(), code, "https://app.example/callback", VERIFIER))
                .isInstanceOf(AppTokenException.class);
        assertThat(apps.authenticate(issued.accessToken()))
                .as("a replayed code revokes what it gave")
                .isEmpty();
    }

    @Test
    void aGrantOfThisTimeOnlyGivesNoRefreshToken() {
        App app = apps.register("Web app", List.of("https://app.example/callback"));
        String code = apps.newCode(
                app.id(),
                "https://app.example/callback",
                challengeOf(VERIFIER),
                new Authorized(Set.of("library.read"), true));
        IssuedTokens issued = apps.redeemCode(app.id(), code, "https://app.example/callback", VERIFIER);
        assertThat(issued.refreshToken()).isNull();
        assertThat(apps.authenticate(issued.accessToken())).isPresent();
    }

    @Test
    void anAccessTokenExpires() throws Exception {
        App app = apps.add("Frame");
        IssuedTokens issued = apps.withAccessLifetime(Duration.ofMillis(300)).issue(app.id(), Set.of());
        assertThat(apps.authenticate(issued.accessToken())).isPresent();
        Thread.sleep(400);
        assertThat(apps.authenticate(issued.accessToken())).isEmpty();
    }

    @Test
    void aDeviceGetsItsTokensOnceTheOwnerAllows() {
        App app = apps.add("TV");
        DeviceAuthorization device = apps.startDevice(app.id(), Set.of("library.read", "media.location"));
        assertThat(device.userCode()).matches("[B-Z]{4}-[B-Z]{4}");
        assertThatThrownBy(() -> apps.pollDevice(app.id(), device.deviceCode()))
                .isInstanceOfSatisfying(AppTokenException.class, e -> assertThat(e.error())
                        .isEqualTo(TokenError.AUTHORIZATION_PENDING));
        assertThat(apps.pendingDevice(device.userCode().toLowerCase().replace("-", " ")))
                .map(pending -> pending.app().name())
                .contains("TV");
        assertThat(apps.answerDevice(device.userCode(), Optional.of(new Authorized(Set.of("library.read"), false))))
                .isTrue();
        assertThat(apps.answerDevice(device.userCode(), Optional.empty()))
                .as("answered once")
                .isFalse();
        IssuedTokens issued = apps.pollDevice(app.id(), device.deviceCode());
        assertThat(issued.scopes()).containsExactly("library.read");
        assertThat(apps.authenticate(issued.accessToken())).isPresent();
        assertThatThrownBy(() -> apps.pollDevice(app.id(), device.deviceCode())).isInstanceOf(AppTokenException.class);
    }

    @Test
    void aDeviceTheOwnerRefusesIsToldSo() {
        App app = apps.add("TV");
        DeviceAuthorization device = apps.startDevice(app.id(), Set.of("library.read"));
        apps.answerDevice(device.userCode(), Optional.empty());
        assertThatThrownBy(() -> apps.pollDevice(app.id(), device.deviceCode()))
                .isInstanceOfSatisfying(
                        AppTokenException.class, e -> assertThat(e.error()).isEqualTo(TokenError.ACCESS_DENIED));
    }

    @Test
    void aRegistrationNamesSafeRedirectUris() {
        assertThat(apps.register("Native", List.of("http://127.0.0.1:5000/cb", "com.example.app:/oauth"))
                        .redirectUris())
                .hasSize(2);
        for (String bad :
                List.of("http://app.example/cb", "https://app.example/cb#frag", "/relative", "javascript:alert(1)")) {
            assertThatThrownBy(() -> apps.register("Bad", List.of(bad)))
                    .as(bad)
                    .isInstanceOf(InvalidArgumentException.class);
        }
        assertThat(apps.list()).extracting(App::name).containsExactly("Native");
    }

    static String challengeOf(String verifier) throws IllegalStateException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(Path folder) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
