package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors travel as {"error": {"code", "message", ...details}} and come back as the engine's exceptions. */
class WireErrorTest {

    @Test
    void anErrorIsItsCodeMessageAndDetailsSideBySide() {
        String json = ApiJson.writeLine(WireError.of(new NotFoundException("asset", List.of("a1", "b2"))));

        assertThat(json)
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"no asset with id a1, b2\","
                        + "\"kind\":\"asset\",\"ids\":[\"a1\",\"b2\"]}}");
    }

    @Test
    void everyCodeComesBackAsTheExceptionTheEngineThrowsForIt() {
        for (ErrorCode code : ErrorCode.values()) {
            CamrollException sent =
                    switch (code) {
                        case NOT_FOUND -> new NotFoundException("album", List.of("x"));
                        case INVALID_ARGUMENT ->
                            InvalidArgumentException.of("first", "first must be between 1 and 100000");
                        case NOT_MEDIA -> InvalidArgumentException.notMedia("a.jpg", "a.jpg: content is PNG");
                        case TOO_LARGE -> InvalidArgumentException.tooLarge(4L << 30, "too large");
                        case CONFLICT -> InvalidArgumentException.conflict("name", "Trips: exists already");
                        default ->
                            new CamrollException(code, "failed: " + code, Map.of("retry", true, "after", 5), null);
                    };

            CamrollException back =
                    ApiJson.readError(ApiJson.write(WireError.of(sent))).toException();

            assertThat(back).hasSameClassAs(sent).hasMessage(sent.getMessage());
            assertThat(back.code()).isEqualTo(code);
            assertThat(back.details()).isEqualTo(sent.details());
        }
    }

    @Test
    void aCodeOfANewerServerIsInternalAndUnknownDetailShapesAreSkipped() {
        WireError error = ApiJson.readError(
                "{\"error\":{\"code\":\"quota_exceeded\",\"message\":\"m\",\"limit\":{\"a\":1},\"n\":2},\"extra\":[1]}");

        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(error.message()).isEqualTo("m");
        assertThat(error.details()).isEqualTo(Map.of("n", 2L));
    }

    @Test
    void jsonThatIsNotAnErrorIsSaidSo() {
        assertThatThrownBy(() -> ApiJson.readError("{\"assets\":[]}"))
                .isInstanceOfSatisfying(
                        CamrollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("no \"error\" object");
        assertThatThrownBy(() -> ApiJson.readAssetPage("{\"assets\": [")).isInstanceOf(CamrollException.class);
    }
}
