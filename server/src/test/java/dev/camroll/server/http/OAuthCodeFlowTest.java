package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization code grant with PKCE, end to end, driven by a standard OAuth 2.0 client
 * library as an app would use it: discovery, dynamic registration, the consent page answered by
 * the signed-in owner, the code traded for tokens, refresh, revocation; and every refusal.
 */
class OAuthCodeFlowTest {
    private static final URI CALLBACK = URI.create("https://app.example/callback");

    @TempDir
    Path root;

    /** One app of the test: its id and the server's endpoints as discovery gave them. */
    record Client(ClientID id, AuthorizationServerMetadata server) {}

    @Test
    void anAppGetsTokensThroughTheConsentPageAndRefreshesAndRevokesThem() throws Exception {
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("photo.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            Client app = register(server, "Photo frame", CALLBACK);
            assertThat(app.server().getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);

            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            URI consent = authorization(app, verifier, state, "library.read media.photo media.location");
            HttpResponse<String> page = owner.get(consent);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Photo frame")
                    .contains("Allow all")
                    .contains("Don&#39;t allow");

            HttpResponse<String> allowed =
                    owner.post("/oauth/authorize", OwnerBrowser.answer(page.body(), "all", true), "same-origin");
            assertThat(allowed.statusCode()).isEqualTo(303);
            AuthorizationResponse response = AuthorizationResponse.parse(location(allowed));
            assertThat(response.getState()).isEqualTo(state);
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

            TokenResponse tokens = token(app, new AuthorizationCodeGrant(code, CALLBACK, verifier));
            assertThat(tokens.indicatesSuccess()).isTrue();
            Tokens issued = tokens.toSuccessResponse().getTokens();
            assertThat(issued.getAccessToken().getScope().toStringList())
                    .containsExactlyInAnyOrder("library.read", "media.photo", "media.location");
            assertThat(issued.getAccessToken().getLifetime()).isEqualTo(3600);
            String access = issued.getAccessToken().getValue();
            HttpResponse<String> assets = server.getAs(access, "/api/v1/assets");
            assertThat(assets.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(assets).path("totalCount").asInt())
                    .as("the app sees what the owner allowed")
                    .isEqualTo(1);

            Tokens refreshed = token(app, new RefreshTokenGrant(issued.getRefreshToken()))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(refreshed.getRefreshToken()).isNotEqualTo(issued.getRefreshToken());
            assertThat(server.getAs(refreshed.getAccessToken().getValue(), "/api/v1/assets")
                            .statusCode())
                    .isEqualTo(200);

            var revoke = new TokenRevocationRequest(
                    app.server().getRevocationEndpointURI(), app.id(), refreshed.getRefreshToken());
            assertThat(revoke.toHTTPRequest().send().getStatusCode()).isEqualTo(200);
            assertThat(server.getAs(refreshed.getAccessToken().getValue(), "/api/v1/assets")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(error(token(app, new RefreshTokenGrant(refreshed.getRefreshToken()))))
                    .isEqualTo(OAuth2Error.INVALID_GRANT);
        }
    }

    @Test
    void aWrongVerifierAReplayedCodeAndAnotherAppsCodeAreRefused() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            Client app = register(server, "Web app", CALLBACK);
            Client other = register(server, "Other app", URI.create("https://other.example/cb"));

            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode wrongVerifier = allow(owner, app, verifier);
            assertThat(error(token(app, new AuthorizationCodeGrant(wrongVerifier, CALLBACK, new CodeVerifier()))))
                    .isEqualTo(OAuth2Error.INVALID_GRANT);
            assertThat(error(token(app, new AuthorizationCodeGrant(wrongVerifier, CALLBACK, verifier))))
                    .as("a code is tried once")
                    .isEqualTo(OAuth2Error.INVALID_GRANT);

            AuthorizationCode othersCode = allow(owner, app, verifier);
            assertThat(error(token(other, new AuthorizationCodeGrant(othersCode, CALLBACK, verifier))))
                    .isEqualTo(OAuth2Error.INVALID_GRANT);

            AuthorizationCode code = allow(owner, app, verifier);
            Tokens first = token(app, new AuthorizationCodeGrant(code, CALLBACK, verifier))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(error(token(app, new AuthorizationCodeGrant(code, CALLBACK, verifier))))
                    .isEqualTo(OAuth2Error.INVALID_GRANT);
            assertThat(server.getAs(first.getAccessToken().getValue(), "/api/v1/assets")
                            .statusCode())
                    .as("a replayed code revokes the tokens it gave")
                    .isEqualTo(401);

            assertThat(error(token(
                            new Client(new ClientID("unknown-app"), app.server()),
                            new AuthorizationCodeGrant(allow(owner, app, verifier), CALLBACK, verifier))))
                    .isEqualTo(OAuth2Error.INVALID_CLIENT);
        }
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            Client app = register(server, "Web app", CALLBACK);
            URI elsewhere = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), app.id())
                    .redirectionURI(URI.create("https://attacker.example/cb"))
                    .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                    .endpointURI(app.server().getAuthorizationEndpointURI())
                    .build()
                    .toURI();
            HttpResponse<String> page = owner.get(elsewhere);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Location")).isEmpty();
            assertThat(page.body()).contains("redirect URI is not one the app registered");

            URI withoutPkce = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), app.id())
                    .redirectionURI(CALLBACK)
                    .state(new State("s1"))
                    .endpointURI(app.server().getAuthorizationEndpointURI())
                    .build()
                    .toURI();
            HttpResponse<String> refused = owner.get(withoutPkce);
            assertThat(refused.statusCode()).isEqualTo(303);
            ErrorObject error = AuthorizationResponse.parse(location(refused))
                    .toErrorResponse()
                    .getErrorObject();
            assertThat(error).isEqualTo(OAuth2Error.INVALID_REQUEST);
        }
    }

    @Test
    void aRefusalOrACrossSitePostGivesNoCode() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            Client app = register(server, "Web app", CALLBACK);
            CodeVerifier verifier = new CodeVerifier();
            String page = owner.get(authorization(app, verifier, new State(), "library.read"))
                    .body();

            HttpResponse<String> crossSite =
                    owner.post("/oauth/authorize", OwnerBrowser.answer(page, "all", false), "cross-site");
            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(crossSite.headers().firstValue("Location")).isEmpty();
            Map<String, String> noToken = OwnerBrowser.answer(page, "all", false);
            noToken.remove("csrf");
            assertThat(owner.post("/oauth/authorize", noToken, "same-origin").statusCode())
                    .isEqualTo(403);

            HttpResponse<String> denied =
                    owner.post("/oauth/authorize", OwnerBrowser.answer(page, "deny", false), "same-origin");
            assertThat(AuthorizationResponse.parse(location(denied))
                            .toErrorResponse()
                            .getErrorObject())
                    .isEqualTo(OAuth2Error.ACCESS_DENIED);
        }
    }

    @Test
    void withoutTheOwnersSessionTheConsentPageAsksToSignIn() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            Client app = register(server, "Web app", CALLBACK);
            URI consent = authorization(app, new CodeVerifier(), new State(), "library.read");
            HttpResponse<String> page = server.send(
                    java.net.http.HttpRequest.newBuilder(consent).GET().build());
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location").orElseThrow())
                    .as("to sign in, and back to the consent page after")
                    .startsWith("/owner/sign-in?next=")
                    .contains("%2Foauth%2Fauthorize");
        }
    }

    @Test
    void aGrantOfThisTimeOnlyHasNoRefreshTokenAndAnExpiredTokenIsRefused() throws Exception {
        try (TestServer server =
                TestServer.start(root, ServerOptions.defaults().withAccessTokenLifetime(Duration.ofSeconds(1)))) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            Client app = register(server, "Web app", CALLBACK);
            CodeVerifier verifier = new CodeVerifier();
            String page = owner.get(authorization(app, verifier, new State(), "library.read"))
                    .body();
            HttpResponse<String> once =
                    owner.post("/oauth/authorize", OwnerBrowser.answer(page, "once", false), "same-origin");
            AuthorizationCode code = AuthorizationResponse.parse(location(once))
                    .toSuccessResponse()
                    .getAuthorizationCode();
            Tokens tokens = token(app, new AuthorizationCodeGrant(code, CALLBACK, verifier))
                    .toSuccessResponse()
                    .getTokens();
            assertThat(tokens.getRefreshToken()).isNull();
            String access = tokens.getAccessToken().getValue();
            assertThat(server.getAs(access, "/api/v1/assets").statusCode()).isEqualTo(200);
            Thread.sleep(1_500);
            assertThat(server.getAs(access, "/api/v1/assets").statusCode()).isEqualTo(401);
        }
    }

    static Client register(TestServer server, String name, URI redirect) throws Exception {
        AuthorizationServerMetadata metadata =
                AuthorizationServerMetadata.resolve(new Issuer("http://127.0.0.1:" + server.server.port()));
        ClientMetadata client = new ClientMetadata();
        client.setName(name);
        if (redirect != null) {
            client.setRedirectionURI(redirect);
        }
        client.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        if (redirect == null) {
            client.setGrantTypes(java.util.Set.of(com.nimbusds.oauth2.sdk.GrantType.DEVICE_CODE));
        }
        ClientRegistrationResponse registered = ClientRegistrationResponse.parse(
                new ClientRegistrationRequest(metadata.getRegistrationEndpointURI(), client, null)
                        .toHTTPRequest()
                        .send());
        assertThat(registered.indicatesSuccess()).isTrue();
        return new Client(
                ((ClientInformationResponse) registered).getClientInformation().getID(), metadata);
    }

    private static URI authorization(Client app, CodeVerifier verifier, State state, String scope) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), app.id())
                .redirectionURI(CALLBACK)
                .scope(Scope.parse(scope))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(app.server().getAuthorizationEndpointURI())
                .build()
                .toURI();
    }

    private static AuthorizationCode allow(OwnerBrowser owner, Client app, CodeVerifier verifier) throws Exception {
        String page = owner.get(authorization(app, verifier, new State(), "library.read"))
                .body();
        HttpResponse<String> allowed =
                owner.post("/oauth/authorize", OwnerBrowser.answer(page, "all", false), "same-origin");
        return AuthorizationResponse.parse(location(allowed))
                .toSuccessResponse()
                .getAuthorizationCode();
    }

    static TokenResponse token(Client app, AuthorizationGrant grant) throws Exception {
        return TokenResponse.parse(new TokenRequest(app.server().getTokenEndpointURI(), app.id(), grant)
                .toHTTPRequest()
                .send());
    }

    static ErrorObject error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse().getErrorObject();
    }

    private static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }
}
