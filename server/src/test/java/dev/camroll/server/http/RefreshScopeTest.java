package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.OAuthScopes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refreshed token tells the app its grant as it stands: the owner changed it since the first
 * consent, and the refresh's {@code scope} says so (RFC 6749 5.1), read by a standard client.
 */
class RefreshScopeTest {
    private static final URI CALLBACK = URI.create("https://app.example/callback");

    @TempDir
    Path root;

    @Test
    void aRefreshedTokensScopeIsTheGrantAsItStandsNow() throws Exception {
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("photo.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            OAuthCodeFlowTest.Client app = OAuthCodeFlowTest.register(server, "Photo frame", CALLBACK);
            CodeVerifier verifier = new CodeVerifier();
            URI consent = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), app.id())
                    .redirectionURI(CALLBACK)
                    .scope(Scope.parse("library.read media.photo"))
                    .state(new State())
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .endpointURI(app.server().getAuthorizationEndpointURI())
                    .build()
                    .toURI();
            String page = owner.get(consent).body();
            HttpResponse<String> allowed =
                    owner.post("/oauth/authorize", OwnerBrowser.answer(page, "all", false), "same-origin");
            AuthorizationCode code = AuthorizationResponse.parse(
                            URI.create(allowed.headers().firstValue("Location").orElseThrow()))
                    .toSuccessResponse()
                    .getAuthorizationCode();
            Tokens first = OAuthCodeFlowTest.token(app, new AuthorizationCodeGrant(code, CALLBACK, verifier))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(first.getAccessToken().getScope().toStringList())
                    .containsExactlyInAnyOrder("library.read", "media.photo");

            AppId id = new AppId(app.id().getValue());
            Grant narrowed = Grant.limited(Set.of(GranularPermission.PHOTO, GranularPermission.VIDEO), true);
            server.grants().set(id, narrowed);
            Tokens refreshed = OAuthCodeFlowTest.token(app, new RefreshTokenGrant(first.getRefreshToken()))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(refreshed.getAccessToken().getScope().toStringList())
                    .as("the grant as the owner left it, not the scope of the first consent")
                    .containsExactlyInAnyOrderElementsOf(
                            OAuthScopes.of(server.grants().grant(id)))
                    .containsExactlyInAnyOrder("library.limited", "media.photo", "media.video", "media.location");
            assertThat(server.apps()
                            .authenticate(refreshed.getAccessToken().getValue())
                            .orElseThrow()
                            .scopes())
                    .as("the token as kept says the same")
                    .containsExactlyInAnyOrder("library.limited", "media.photo", "media.video", "media.location");

            server.grants().set(id, Grant.all(Set.of(GranularPermission.AUDIO), false));
            Tokens again = OAuthCodeFlowTest.token(app, new RefreshTokenGrant(refreshed.getRefreshToken()))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(again.getAccessToken().getScope().toStringList())
                    .containsExactlyInAnyOrder("library.read", "media.audio");
        }
    }
}
