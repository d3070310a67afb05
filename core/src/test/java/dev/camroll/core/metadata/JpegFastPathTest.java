package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's own reading of camera JPEGs against metadata-extractor's: wherever the fast path takes
 * a file, the facts are those of metadata-extractor, field for field (warnings included).
 */
class JpegFastPathTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private final PhotoReader photos = new PhotoReader(ZONE);

    /** The facts of the full reader, and of the fast path or null when it does not take the file. */
    private record Both(MediaFacts full, MediaFacts fast) {}

    private Both readBoth(Path file) {
        String name = file.getFileName().toString();
        FactsBuilder full = new FactsBuilder(MediaFormat.JPEG);
        FactsBuilder fast = new FactsBuilder(MediaFormat.JPEG);
        byte[] bytes = read(file);
        byte[] header = Arrays.copyOf(bytes, MediaProbe.SNIFF_BYTES);
        int length = Math.min(bytes.length, header.length);
        photos.read(file, new ByteArrayInputStream(bytes), header, length, MediaFormat.JPEG, full);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean taken = JpegFastPath.read(channel, header, length, ZONE, fast);
            if (!taken) {
                assertThat(fast.build(name))
                        .as("%s: untouched when not taken", file)
                        .isEqualTo(new FactsBuilder(MediaFormat.JPEG).build(name));
            }
            return new Both(full.build(name), taken ? fast.build(name) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JPEG of the corpus among the test resources and, when there, of the whole shared corpus. */
    private static List<Path> corpusJpegs() throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg")
                .getParent()
                .getParent());
        String shared = System.getenv("CAMROLL_CORPUS") != null
                ? System.getenv("CAMROLL_CORPUS")
                : System.getProperty("camroll.corpus");
        if (shared != null && Files.isDirectory(Path.of(shared))) {
            roots.add(Path.of(shared));
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .matches(".*\\.jpe?g"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyCorpusJpegTheFastPathTakesHasTheFactsOfMetadataExtractor() throws IOException {
        List<Path> files = corpusJpegs();
        int taken = 0;
        for (Path file : files) {
            Both both = readBoth(file);
            if (both.fast() != null) {
                taken++;
                assertThat(both.fast()).as("%s", file).isEqualTo(both.full());
            }
        }
        // The camera files with a capture time (the orientation samples have none): not a path
        // that never runs.
        assertThat(taken).as("files taken of %d", files.size()).isGreaterThanOrEqualTo(6);
        System.out.printf("fast path took %d of %d corpus JPEGs%n", taken, files.size());
    }

    @Test
    void cameraFilesWithMakerNotesAndGpsTakeTheFastPath() {
        for (String name : List.of("gps/DSCN0010.jpg", "gps/DSCN0012.jpg", "Canon_40D.jpg", "Nikon_D70.jpg")) {
            Both both = readBoth(TestMedia.corpus("exif-samples/jpg/" + name));

            assertThat(both.fast()).as(name).isNotNull().isEqualTo(both.full());
        }
        Both gps = readBoth(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));
        assertThat(gps.fast().location()).isNotNull();
        assertThat(gps.fast().make()).isEqualTo("NIKON");
    }

    @Test
    void damagedHeadsGiveTheFactsOfMetadataExtractor(@TempDir Path dir) throws IOException {
        // Bytes of the EXIF segment of a camera file with maker notes and GPS changed at random:
        // whatever the fast path takes must still read as metadata-extractor reads it.
        byte[] original = Files.readAllBytes(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));
        SplittableRandom random = new SplittableRandom(6709);
        int taken = 0;
        for (int i = 0; i < 400; i++) {
            byte[] damaged = original.clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                // The EXIF segment starts at byte 2; its IFD0, EXIF IFD and GPS IFD lie in the first 2 KiB.
                int at = 2 + random.nextInt(i % 2 == 0 ? 2048 : 11_000);
                damaged[at] = (byte) random.nextInt(256);
            }
            Path file = write(dir.resolve("damaged-" + i + ".jpg"), damaged);
            Both both = readBoth(file);
            if (both.fast() != null) {
                taken++;
                assertThat(both.fast()).as("change %d", i).isEqualTo(both.full());
            }
        }
        assertThat(taken).as("damaged files taken by the fast path").isGreaterThan(50);
    }

    @Test
    void probeOfAJpegTheFastPathDoesNotTakeIsTheFullReaders(@TempDir Path dir) throws IOException {
        // Cut inside the EXIF segment: the fast path gives up, metadata-extractor says what it found.
        byte[] original = Files.readAllBytes(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));
        Path cut = write(dir.resolve("cut.jpg"), Arrays.copyOf(original, 3000));

        ProbeOutcome outcome = new MediaProbe(ZONE).probe(cut);

        Both both = readBoth(cut);
        assertThat(both.fast()).isNull();
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        assertThat(((ProbeOutcome.Media) outcome).facts())
                .usingRecursiveComparison()
                .ignoringFields("contentKey", "readerVersion")
                .isEqualTo(both.full());
        assertThat(both.full().warnings()).isNotEmpty();
    }

    @Test
    void aJpegReadByTheFastPathCarriesThePhotoReaderVersion() {
        // A version of none would make every scan read the file again.
        ProbeOutcome outcome = new MediaProbe(ZONE).probe(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));

        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        assertThat(((ProbeOutcome.Media) outcome).facts().readerVersion()).isEqualTo(ReaderVersions.PHOTO);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
