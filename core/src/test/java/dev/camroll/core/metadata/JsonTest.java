package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsFfprobeShapes() {
        Object json = Json.parse(
                "{\"streams\": [{\"width\": 320, \"tags\": {\"rotate\": \"-90\"}, \"ok\": true, \"no\": null}],"
                        + " \"format\": {\"duration\": \"2.000000\", \"name\": \"a \\\"b\\\" \\u00e9\\n\"}}");

        Map<String, Object> format = Json.object(json, "format");
        List<Object> streams = Json.array(json, "streams");
        assertThat(Json.number(format, "duration")).isEqualTo(2.0);
        assertThat(Json.string(format, "name")).isEqualTo("a \"b\" é\n");
        assertThat(Json.string(streams.get(0), "width")).isEqualTo("320");
        assertThat(Json.number(Json.object(streams.get(0), "tags"), "rotate")).isEqualTo(-90);
        assertThat(Json.number(format, "missing")).isNaN();
        assertThat(Json.object(json, "missing")).isEmpty();
        assertThat(Json.array(json, "format")).isEmpty();
    }

    @Test
    void rejectsMalformedAndTooDeepInput() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).isInstanceOf(IllegalArgumentException.class);
    }
}
