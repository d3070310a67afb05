package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFormatTest {

    @Test
    void localTimeToTheSecondInTheZone() {
        assertThat(TextFormat.localTime(1_714_550_400_999L, ZoneId.of("Europe/Paris")))
                .isEqualTo("2024-05-01T10:00:00");
        assertThat(TextFormat.localTime(1_714_550_400_000L, ZoneId.of("UTC"))).isEqualTo("2024-05-01T08:00:00");
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00.0", "7.5, 0:07.5", "83.4, 1:23.4", "59.96, 1:00.0", "3723, 1:02:03.0"})
    void duration(double seconds, String text) {
        assertThat(TextFormat.duration(seconds)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"850, 850 ms", "1234, 1.2 s", "59940, 59.9 s", "245000, 4 min 05 s"})
    void elapsed(long millis, String text) {
        assertThat(TextFormat.elapsed(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"812, 812 B", "2048, 2.0 KiB", "2500000, 2.4 MiB"})
    void fileSize(long bytes, String text) {
        assertThat(TextFormat.fileSize(bytes)).isEqualTo(text);
    }

    @Test
    void rate() {
        assertThat(TextFormat.rate(150, 1000)).isEqualTo("150");
        assertThat(TextFormat.rate(3, 2000)).isEqualTo("1.5");
        assertThat(TextFormat.rate(3, 0)).isEqualTo("-");
    }

    @Test
    void tablePadsColumnsAndAlignsNumbersRight() {
        String table = new TextFormat.Table("name", "count")
                .alignRight(1)
                .row("a", "1")
                .row("longer", "100")
                .toString();

        assertThat(table).isEqualTo("""
                name    count
                a           1
                longer    100
                """);
    }
}
