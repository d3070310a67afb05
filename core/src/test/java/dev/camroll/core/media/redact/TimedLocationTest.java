package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MOV with an iPhone's timed-metadata track: a {@code mebx} sample description declaring
 * Apple's location key and a camera key, and samples in {@code mdat} holding both. The served
 * file has no position in any sample, the camera items and the whole {@code moov} as they were,
 * and still plays.
 */
class TimedLocationTest {
    private static final String LOCATION_KEY = "com.apple.quicktime.location.ISO6709";
    private static final String CAMERA_KEY = "com.apple.quicktime.camera.identifier";
    private static final String CAMERA = "Back Camera";
    private static final int SAMPLES = 5;

    @TempDir
    Path folder;

    @Test
    void theLocationTrackLosesItsPositionsAndTheRestStays() throws IOException {
        Path clip = TestMedia.video(folder.resolve("clip.mov"), 1.0, 64, 48);
        Path file = Files.write(folder.resolve("timed.mov"), withLocationTrack(Files.readAllBytes(clip)));
        byte[] original = Files.readAllBytes(file);
        assertThat(count(original, LocatedFiles.ISO6709)).isEqualTo(SAMPLES);
        MediaFacts before = facts(original);

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.MOV);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNoText(served, LocatedFiles.ISO6709, "48.8584", "+002.2945");
        assertThat(count(served, CAMERA)).isEqualTo(SAMPLES);
        int moov = original.length - moovLength(original);
        assertThat(Arrays.copyOfRange(served, moov, served.length))
                .as("the sample tables and every offset")
                .isEqualTo(Arrays.copyOfRange(original, moov, original.length));
        MediaFacts after = facts(served);
        assertThat(after.durationSeconds()).isCloseTo(before.durationSeconds(), within(0.01));
        assertThat(after.width()).isEqualTo(64);
    }

    @Test
    void tablesThatDeclareHugeSamplesCostABoundedRead() throws IOException {
        Path clip = TestMedia.video(folder.resolve("clip.mov"), 1.0, 64, 48);
        Path file = Files.write(folder.resolve("hostile.mov"), withLocationTrack(Files.readAllBytes(clip), true));

        byte[] served = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> LocationRedactorTest.redacted(file, MediaFormat.MOV));

        assertThat(served).hasSize((int) Files.size(file));
        NoLocation.assertNoText(served, LocatedFiles.ISO6709);
    }

    private MediaFacts facts(byte[] bytes) throws IOException {
        return facts(folder, bytes);
    }

    static MediaFacts facts(Path folder, byte[] bytes) throws IOException {
        Path copy = Files.createTempFile(folder, "probe", ".mov");
        Files.write(copy, bytes);
        ProbeOutcome outcome = new MediaProbe(ZoneOffset.UTC).probe(copy);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }

    static int count(byte[] bytes, String text) {
        byte[] form = text.getBytes(StandardCharsets.UTF_8);
        int found = 0;
        for (int at = 0; (at = indexFrom(bytes, form, at)) >= 0; at += form.length) {
            found++;
        }
        return found;
    }

    private static int indexFrom(byte[] bytes, byte[] form, int from) {
        int at = NoLocation.indexOf(Arrays.copyOfRange(bytes, from, bytes.length), form);
        return at < 0 ? -1 : from + at;
    }

    // ---- a timed-metadata track, laid out as Apple's QuickTime file format describes it ----------

    /** The length of the {@code moov} box, which FFmpeg writes last. */
    private static int moovLength(byte[] movie) {
        int at = 0;
        while (at + 8 <= movie.length) {
            int size = ByteBuffer.wrap(movie).getInt(at);
            String type = new String(movie, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("moov")) {
                assertThat(at + size).as("moov is the last box").isEqualTo(movie.length);
                return size;
            }
            at += size;
        }
        throw new AssertionError("no moov");
    }

    /**
     * {@code movie} with an {@code mdat} of location samples before its {@code moov}, and a track
     * in its {@code moov} that describes them (one sample a chunk, each its own offset).
     */
    static byte[] withLocationTrack(byte[] movie) {
        return withLocationTrack(movie, false);
    }

    /**
     * With {@code hostile}, the track's tables declare a million samples of 64 KiB, in a million
     * chunks that all lie over the same five samples.
     */
    static byte[] withLocationTrack(byte[] movie, boolean hostile) {
        byte[][] samples = new byte[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = concat(
                    box(1, LocatedFiles.ISO6709.getBytes(StandardCharsets.UTF_8)),
                    box(2, CAMERA.getBytes(StandardCharsets.UTF_8)));
        }
        return withTimedTrack(movie, sampleDescription(), samples, hostile);
    }

    /**
     * {@code movie} with an {@code mdat} of {@code samples} before its {@code moov}, and a
     * metadata track in its {@code moov} that describes them with {@code stsd} (one sample a chunk,
     * each its own offset).
     */
    static byte[] withTimedTrack(byte[] movie, byte[] stsd, byte[][] samples, boolean hostile) {
        int moovLength = moovLength(movie);
        int moovAt = movie.length - moovLength;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[samples.length];
        int[] sizes = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            offsets[i] = moovAt + 8 + data.size();
            sizes[i] = samples[i].length;
            data.writeBytes(samples[i]);
        }
        byte[] mdat = box("mdat", data.toByteArray());
        byte[] stsz = sampleSizes(sizes);
        byte[] stco = chunkOffsets(offsets);
        if (hostile) {
            int[] many = new int[1_000_000];
            for (int i = 0; i < many.length; i++) {
                many[i] = offsets[i % samples.length];
            }
            stsz = ints(0, 64 << 10, many.length);
            stco = chunkOffsets(many);
        }
        byte[] trak = box(
                "trak",
                trackHeader(),
                box(
                        "mdia",
                        mediaHeader(),
                        handler(),
                        box(
                                "minf",
                                box("nmhd", new byte[4]),
                                box("dinf", box("dref", ints(0, 1), box("url ", ints(1)))),
                                box(
                                        "stbl",
                                        stsd,
                                        box("stts", ints(0, 1, samples.length, 200)),
                                        box("stsc", ints(0, 1, 1, 1, 1)),
                                        box("stsz", stsz),
                                        box("stco", stco)))));
        byte[] moov = box("moov", Arrays.copyOfRange(movie, moovAt + 8, movie.length), trak);
        return concat(Arrays.copyOf(movie, moovAt), mdat, moov);
    }

    private static byte[] sampleDescription() {
        byte[] keys = box("keys", key(1, LOCATION_KEY), key(2, CAMERA_KEY));
        byte[] mebx = box("mebx", new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, keys);
        return box("stsd", ints(0, 1), mebx);
    }

    private static byte[] key(int id, String name) {
        byte[] keyd = box("keyd", "mdta".getBytes(StandardCharsets.ISO_8859_1), name.getBytes(StandardCharsets.UTF_8));
        byte[] dtyp = box("dtyp", ints(0, 1));
        return box(id, concat(keyd, dtyp));
    }

    private static byte[] trackHeader() {
        ByteBuffer tkhd = ByteBuffer.allocate(84);
        tkhd.putInt(3).putInt(0).putInt(0).putInt(100).putInt(0).putInt(1000);
        tkhd.position(40);
        for (int value : new int[] {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000}) {
            tkhd.putInt(value);
        }
        return box("tkhd", tkhd.array());
    }

    private static byte[] mediaHeader() {
        return box(
                "mdhd",
                ByteBuffer.allocate(24)
                        .putInt(0)
                        .putInt(0)
                        .putInt(0)
                        .putInt(1000)
                        .putInt(1000)
                        .putShort((short) 0x55C4)
                        .putShort((short) 0)
                        .array());
    }

    private static byte[] handler() {
        return box("hdlr", concat(ints(0, 0), "meta".getBytes(StandardCharsets.ISO_8859_1), new byte[13]));
    }

    private static byte[] sampleSizes(int[] sizes) {
        ByteBuffer stsz =
                ByteBuffer.allocate(12 + sizes.length * 4).putInt(0).putInt(0).putInt(sizes.length);
        for (int size : sizes) {
            stsz.putInt(size);
        }
        return stsz.array();
    }

    private static byte[] chunkOffsets(int[] offsets) {
        ByteBuffer stco = ByteBuffer.allocate(8 + offsets.length * 4).putInt(0).putInt(offsets.length);
        for (int offset : offsets) {
            stco.putInt(offset);
        }
        return stco.array();
    }

    static byte[] ints(int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4);
        for (int value : values) {
            bytes.putInt(value);
        }
        return bytes.array();
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(payload)
                .array();
    }

    /** A box whose type is a number: a key of a {@code keys} box, or an item of a sample. */
    private static byte[] box(int type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .putInt(type)
                .put(payload)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
