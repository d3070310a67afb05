package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small library of real files, scanned once by {@code camroll scan}, for the query commands to
 * read. Times are UTC:
 *
 * <pre>
 * Library/IMG_0001.jpg                  photo 40x30  2024-05-01T01:00 (EXIF)
 * Library/IMG_0002.jpg                  photo 30x40  2024-05-01T02:00 (EXIF)
 * Library/Trip/IMG_0003.jpg             photo 64x48  2024-05-01T03:00 (EXIF)
 * Library/Trip/IMG_0004.jpg             photo 48x64  2024-05-01T04:00 (EXIF)
 * Library/Trip/IMG_0005.jpg             photo 20x10  2024-05-01T05:00 (EXIF)
 * Library/Trip/clip.mp4                 video 48x32  2024-05-01T02:30, 1.5 s
 * Library/Trip/tone.m4a                 audio        2024-05-01T03:30, 1 s
 * Library/Screenshots/Screenshot 2024-04-30.png
 *                                       photo 24x16  2024-04-30T23:30 (file time), a screenshot
 * Library/Burst/burst-01.jpg ... -15    photo 8x8    2024-04-01T00:01 ... 00:15 (file time)
 * </pre>
 *
 * The EXIF of the IMG_ photos names a Canon EOS R5 and the Eiffel Tower; their file times are a day
 * earlier, so that a test sees the EXIF time is the one used. 21 photos in all: one more than a
 * page of the default size.
 */
final class SampleLibrary {

    /** 2024-05-01T00:00:00Z. */
    static final long MAY_1_2024 = 1_714_521_600_000L;

    static final long HOUR = 3_600_000L;
    static final int PHOTOS = 21;
    static final int ASSETS = 23;

    final Path root;
    final Cli cli = new Cli();
    private final Map<String, String> assetIds = new HashMap<>();
    private final Map<String, String> albumIds = new HashMap<>();

    private SampleLibrary(Path root) {
        this.root = root;
    }

    /** Writes the library into {@code parent/Library} and scans it. */
    static SampleLibrary create(Path parent) {
        SampleLibrary library = new SampleLibrary(parent.resolve("Library"));
        library.write();
        library.scan();
        return library;
    }

    /** Runs a command on this library: {@code camroll COMMAND LIBRARY ARGS...}. */
    Cli.Result run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, root.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    /** The id the engine gave the asset with this filename. */
    String id(String filename) {
        return known(assetIds, filename);
    }

    /** The id the engine gave the folder album with this title. */
    String albumId(String title) {
        return known(albumIds, title);
    }

    private static String known(Map<String, String> ids, String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no " + name + " in the sample library: " + ids.keySet());
        }
        return id;
    }

    private void write() {
        photo("IMG_0001.jpg", 40, 30, 1);
        photo("IMG_0002.jpg", 30, 40, 2);
        photo("Trip/IMG_0003.jpg", 64, 48, 3);
        photo("Trip/IMG_0004.jpg", 48, 64, 4);
        photo("Trip/IMG_0005.jpg", 20, 10, 5);
        TestMedia.video(
                root.resolve("Trip/clip.mp4"),
                1.5,
                48,
                32,
                TestMedia.VideoSpec.PLAIN.withCreationTime(Instant.ofEpochMilli(MAY_1_2024 + 5 * HOUR / 2)));
        TestMedia.audio(
                root.resolve("Trip/tone.m4a"),
                1.0,
                TestMedia.AudioSpec.PLAIN.withCreationTime(Instant.ofEpochMilli(MAY_1_2024 + 7 * HOUR / 2)));
        fileTime(TestMedia.png(root.resolve("Screenshots/Screenshot 2024-04-30.png"), 24, 16), MAY_1_2024 - HOUR / 2);
        for (int i = 1; i <= 15; i++) {
            Path burst = root.resolve("Burst/burst-%02d.jpg".formatted(i));
            fileTime(TestMedia.jpeg(burst, 8, 8), MAY_1_2024 - 30 * 24 * HOUR + i * 60_000L);
        }
    }

    /** A JPEG whose EXIF says it was taken on 2024-05-01 at {@code hour}:00 UTC with a Canon. */
    private void photo(String relative, int width, int height, int hour) {
        Path file = TestMedia.jpegWithExif(
                root.resolve(relative),
                width,
                height,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.of(2024, 5, 1, hour, 0))
                        .offsetTimeOriginal("+00:00")
                        .make("Canon")
                        .model("Canon EOS R5")
                        .gps(48.8584, 2.2945)
                        .build());
        fileTime(file, MAY_1_2024 - 24 * HOUR);
    }

    private static Path fileTime(Path file, long millis) {
        try {
            return Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scan() {
        Cli.Result scan = cli.run("scan", root.toString());
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode page = json.readTree(run("assets", "--media-type", "photo,video,audio", "--first", "100", "--json")
                    .out());
            page.get("assets")
                    .forEach(asset -> assetIds.put(
                            asset.get("filename").asText(), asset.get("id").asText()));
            json.readTree(run("albums", "--json").out())
                    .forEach(album -> albumIds.put(
                            album.get("title").asText(), album.get("id").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(assetIds).hasSize(ASSETS);
    }
}
