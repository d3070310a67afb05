package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0} in Europe/Paris is {1}")
    @CsvSource({
        "1714521600000, 1714521600000",
        "0, 0",
        "-1000, -1000",
        // Dates and local times are taken in the zone (Paris is UTC+2 in May).
        "2024-05-01, 1714514400000",
        "2024-05-01T10:00, 1714550400000",
        "2024-05-01T10:00:00, 1714550400000",
        "2024-05-01 10:00:00, 1714550400000",
        "2024-05-01T10:00:00.250, 1714550400250",
        // An offset or Z wins over the zone.
        "2024-05-01T10:00:00+02:00, 1714550400000",
        "2024-05-01T08:00:00Z, 1714550400000",
        "2024-05-01T08:00Z, 1714550400000",
        "2024-05-01T10:00:00+02:00[Europe/Paris], 1714550400000",
    })
    void parses(String text, long epochMillis) {
        assertThat(TimeArgument.parse(text).toEpochMilli(PARIS)).isEqualTo(epochMillis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T08:00:00Z", "1714550400000"})
    void absoluteTimesIgnoreTheZone(String text) {
        TimeArgument time = TimeArgument.parse(text);

        assertThat(time.toEpochMilli(ZoneId.of("UTC"))).isEqualTo(time.toEpochMilli(ZoneId.of("Asia/Tokyo")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2024-13-01",
                "2024-05-01T",
                "2024-05-01T10",
                "01/05/2024",
                "99999999999999999999"
            })
    void refusesWithTheExpectedForms(String text) {
        assertThatThrownBy(() -> TimeArgument.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("2024-05-01T08:00:00Z");
    }
}
