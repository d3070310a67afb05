package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow (RFC 8628) end to end with a standard client library: a TV registers without a
 * redirect URI, shows a user code, and polls while the owner types it on the server's page and
 * answers on the consent page.
 */
class OAuthDeviceFlowTest {
    @TempDir
    Path root;

    @Test
    void aDeviceGetsItsTokenOnceTheOwnerTypesItsCodeAndAllows() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            var tv = OAuthCodeFlowTest.register(server, "Living room TV", null);
            DeviceAuthorizationSuccessResponse device = start(tv, "library.read media.video");
            assertThat(device.getVerificationURI().toString()).endsWith("/oauth/device");
            assertThat(device.getInterval()).isEqualTo(5);

            assertThat(OAuthCodeFlowTest.error(poll(tv, device)))
                    .isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);

            HttpResponse<String> ask = owner.get(device.getVerificationURI());
            assertThat(ask.body()).contains("name=\"user_code\"");
            HttpResponse<String> consent = owner.get(URI.create(device.getVerificationURI() + "?user_code="
                    + device.getUserCode().getValue()));
            assertThat(consent.statusCode()).isEqualTo(200);
            assertThat(consent.body()).contains("Living room TV").contains("videos");
            HttpResponse<String> answered =
                    owner.post("/oauth/device", OwnerBrowser.answer(consent.body(), "all", false), "same-origin");
            assertThat(answered.statusCode()).isEqualTo(200);

            TokenResponse tokens = poll(tv, device);
            assertThat(tokens.indicatesSuccess()).isTrue();
            String access =
                    tokens.toSuccessResponse().getTokens().getAccessToken().getValue();
            assertThat(server.getAs(access, "/api/v1/assets").statusCode()).isEqualTo(200);
            assertThat(OAuthCodeFlowTest.error(poll(tv, device)))
                    .as("a device code gives tokens once")
                    .isNotNull();
        }
    }

    @Test
    void aDeviceTheOwnerRefusesIsToldSoAndACrossSiteAnswerChangesNothing() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            OwnerBrowser owner = OwnerBrowser.signIn(server);
            var tv = OAuthCodeFlowTest.register(server, "Frame", null);
            DeviceAuthorizationSuccessResponse device = start(tv, "library.read");
            String consent = owner.get(URI.create(device.getVerificationURI() + "?user_code="
                            + device.getUserCode().getValue()))
                    .body();
            assertThat(owner.post("/oauth/device", OwnerBrowser.answer(consent, "all", false), "cross-site")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(OAuthCodeFlowTest.error(poll(tv, device)))
                    .isEqualTo(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING);

            owner.post("/oauth/device", OwnerBrowser.answer(consent, "deny", false), "same-origin");
            assertThat(OAuthCodeFlowTest.error(poll(tv, device)))
                    .isEqualTo(com.nimbusds.oauth2.sdk.OAuth2Error.ACCESS_DENIED);
        }
    }

    private static DeviceAuthorizationSuccessResponse start(OAuthCodeFlowTest.Client tv, String scope)
            throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                        tv.server().getDeviceAuthorizationEndpointURI(), tv.id(), Scope.parse(scope))
                .toHTTPRequest()
                .send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }

    private static TokenResponse poll(OAuthCodeFlowTest.Client tv, DeviceAuthorizationSuccessResponse device)
            throws Exception {
        return OAuthCodeFlowTest.token(tv, new DeviceCodeGrant(device.getDeviceCode()));
    }
}
