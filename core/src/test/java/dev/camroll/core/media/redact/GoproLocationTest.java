package dev.camroll.core.media.redact;

import static dev.camroll.core.media.redact.TimedLocationTest.box;
import static dev.camroll.core.media.redact.TimedLocationTest.concat;
import static dev.camroll.core.media.redact.TimedLocationTest.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GoPro MP4's telemetry track: a {@code gpmd} sample description and samples of GPMF, the
 * key-length-value format GoPro documents (github.com/gopro/gpmf-parser: a four-character key, a
 * type, a structure size and a repeat count, the data padded to four bytes; type 0 nests). The
 * GPS streams ({@code GPS5}, {@code GPS9}, {@code GPSU}, {@code GPSF}, {@code GPSP}) lose their
 * data; the accelerometer, the device's name and every size and offset stay.
 */
class GoproLocationTest {
    private static final int SAMPLES = 4;
    /** 48.8584 N, 2.2945 E in GPS5's units (degrees times 10^7), as a GoPro scales them. */
    private static final int LATITUDE = 488_584_000;

    private static final int LONGITUDE = 22_945_000;
    private static final byte[] ACCELEROMETER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @TempDir
    Path folder;

    @Test
    void theGpsStreamsLoseTheirDataAndTheOtherTelemetryStays() throws IOException {
        Path clip = TestMedia.video(folder.resolve("clip.mp4"), 1.0, 64, 48);
        Path file = Files.write(folder.resolve("GX010001.MP4"), withTelemetry(Files.readAllBytes(clip), false));
        byte[] original = Files.readAllBytes(file);
        assertThat(occurrences(original, intBytes(LATITUDE))).isEqualTo(2 * SAMPLES);

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.MP4);

        assertThat(served).hasSameSizeAs(original);
        assertThat(occurrences(served, intBytes(LATITUDE))).isZero();
        assertThat(occurrences(served, intBytes(LONGITUDE))).isZero();
        assertThat(TimedLocationTest.count(served, "251130093000.000")).isZero();
        assertThat(occurrences(served, ACCELEROMETER)).isEqualTo(SAMPLES);
        assertThat(TimedLocationTest.count(served, "HERO12 Black")).isEqualTo(SAMPLES);
        MediaFacts before = TimedLocationTest.facts(folder, original);
        MediaFacts after = TimedLocationTest.facts(folder, served);
        assertThat(after.durationSeconds()).isCloseTo(before.durationSeconds(), within(0.01));
        assertThat(after.width()).isEqualTo(64);
    }

    @Test
    void aDamagedSampleLosesWhatFollowsTheDamageAndTablesOfHugeSamplesCostABoundedRead() throws IOException {
        Path clip = TestMedia.video(folder.resolve("clip.mp4"), 1.0, 64, 48);
        byte[] damaged = withTelemetry(Files.readAllBytes(clip), true);
        Path file = Files.write(folder.resolve("damaged.mp4"), damaged);

        byte[] served = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> LocationRedactorTest.redacted(file, MediaFormat.MP4));

        assertThat(served).hasSameSizeAs(damaged);
        assertThat(occurrences(served, intBytes(LATITUDE))).isZero();
    }

    /** The movie with a telemetry track; {@code hostile}: its GPS stream claims more than the sample. */
    private static byte[] withTelemetry(byte[] movie, boolean hostile) {
        byte[][] samples = new byte[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = sample(hostile);
        }
        byte[] gpmd = box("gpmd", new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        return TimedLocationTest.withTimedTrack(movie, box("stsd", ints(0, 1), gpmd), samples, hostile);
    }

    /** One second of telemetry: the device, an accelerometer stream, a GPS stream. */
    private static byte[] sample(boolean hostile) {
        byte[] accelerometer = nest(
                "STRM",
                klv("STNM", 'c', 1, "Accelerometer".getBytes(StandardCharsets.US_ASCII)),
                klv("ACCL", 's', 6, ACCELEROMETER));
        ByteBuffer positions = ByteBuffer.allocate(40);
        for (int i = 0; i < 2; i++) {
            positions
                    .putInt(LATITUDE)
                    .putInt(LONGITUDE)
                    .putInt(35_000)
                    .putInt(1_200)
                    .putInt(40);
        }
        byte[] gps5 = klv("GPS5", 'l', 20, positions.array());
        if (hostile) {
            ByteBuffer.wrap(gps5).putShort(6, (short) 0x7FFF); // 20 x 32,767 bytes said, 40 there
        }
        byte[] gps = nest(
                "STRM",
                klv("GPSF", 'L', 4, ints(3)),
                klv("GPSU", 'U', 16, "251130093000.000".getBytes(StandardCharsets.US_ASCII)),
                klv("GPSP", 'S', 2, new byte[] {0, (byte) 150}),
                gps5);
        return nest(
                "DEVC",
                klv("DVID", 'L', 4, ints(1)),
                klv("DVNM", 'c', 1, "HERO12 Black".getBytes(StandardCharsets.US_ASCII)),
                accelerometer,
                gps);
    }

    private static byte[] nest(String key, byte[]... children) {
        byte[] data = concat(children);
        return klv(key, 0, 1, data);
    }

    /** A GPMF item: key, type, structure size, repeat (data length / structure size), padded data. */
    private static byte[] klv(String key, int type, int structSize, byte[] data) {
        int padded = (data.length + 3) & ~3;
        return ByteBuffer.allocate(8 + padded)
                .put(key.getBytes(StandardCharsets.US_ASCII))
                .put((byte) type)
                .put((byte) structSize)
                .putShort((short) (data.length / structSize))
                .put(data)
                .array();
    }

    private static byte[] intBytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static int occurrences(byte[] bytes, byte[] form) {
        int found = 0;
        for (int at = 0; at + form.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + form.length, form, 0, form.length)) {
                found++;
            }
        }
        return found;
    }
}
