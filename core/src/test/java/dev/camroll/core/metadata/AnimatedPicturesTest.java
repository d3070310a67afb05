package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code animated} subtype of GIF, WebP and PNG files of several frames, built as their
 * specifications lay them out (GIF89a image descriptors, WebP's VP8X, ANIM and ANMF chunks, APNG's
 * acTL, fcTL and fdAT chunks), beside single pictures of the same formats.
 */
class AnimatedPicturesTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @Test
    void aGifOfTwoFramesIsAnimatedAndOneOfOneIsNot() throws IOException {
        Path animated = TestMedia.animatedGif(folder.resolve("loop.gif"), 300, 20, 2);
        Path still = TestMedia.gif(folder.resolve("still.gif"), 300, 20);

        MediaFacts facts = facts(probe, animated);
        assertThat(facts.subtypes()).containsExactly(MediaSubtype.ANIMATED);
        assertThat(facts.width()).isEqualTo(300);
        assertThat(facts(probe, still).subtypes()).isEmpty();
    }

    @Test
    void aCutGifIsReadWithoutAFrameCountAndNoError() throws IOException {
        Path still = TestMedia.gif(folder.resolve("still.gif"), 30, 20);
        byte[] bytes = Files.readAllBytes(still);
        Path cut = Files.write(folder.resolve("cut.gif"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(facts(probe, cut).subtypes()).isEmpty();
    }

    @Test
    void aWebpWithTheAnimationFlagIsAnimated() throws IOException {
        byte[] single = Files.readAllBytes(TestMedia.webp(folder.resolve("still.webp"), 16, 16));
        byte[] frame = Arrays.copyOfRange(single, 12, single.length); // its VP8 or VP8L chunk
        ByteBuffer vp8x =
                little(10).put((byte) 0x02).put(new byte[3]).put(u24(15)).put(u24(15));
        ByteBuffer anim = little(6).putInt(0xFFFFFFFF).putShort((short) 0);
        byte[] anmf = concat(
                little(16)
                        .put(u24(0))
                        .put(u24(0))
                        .put(u24(15))
                        .put(u24(15))
                        .put(u24(100))
                        .put((byte) 0)
                        .array(),
                frame);
        byte[] body = concat(
                "WEBP".getBytes(),
                riffChunk("VP8X", vp8x.array()),
                riffChunk("ANIM", anim.array()),
                riffChunk("ANMF", anmf),
                riffChunk("ANMF", anmf));
        byte[] file = concat("RIFF".getBytes(), little(4).putInt(body.length).array(), body);
        Path animated = Files.write(folder.resolve("loop.webp"), file);

        MediaFacts facts = facts(probe, animated);
        assertThat(facts.subtypes()).containsExactly(MediaSubtype.ANIMATED);
        assertThat(facts.width()).isEqualTo(16);
        assertThat(facts(probe, folder.resolve("still.webp")).subtypes()).isEmpty();
    }

    @Test
    void anApngOfTwoFramesIsAnimatedAndOneDeclaringOneFrameIsNot() throws IOException {
        Path animated = Files.write(folder.resolve("loop.png"), apng(2));
        Path oneFrame = Files.write(folder.resolve("one.png"), apng(1));
        Path plain = Files.write(folder.resolve("plain.png"), PngFiles.png());

        assertThat(facts(probe, animated).subtypes()).containsExactly(MediaSubtype.ANIMATED);
        assertThat(facts(probe, animated).width()).isEqualTo(1);
        assertThat(facts(probe, oneFrame).subtypes()).isEmpty();
        assertThat(facts(probe, plain).subtypes()).isEmpty();
    }

    /** An APNG of 1x1 frames: acTL and the first fcTL before IDAT, then fcTL and fdAT per frame. */
    private static byte[] apng(int frames) {
        byte[] pixels = PngFiles.deflate(new byte[] {0, 0x7F});
        byte[] out = concat(
                PngChunks.SIGNATURE,
                PngFiles.chunk(
                        "IHDR",
                        ByteBuffer.allocate(13)
                                .putInt(1)
                                .putInt(1)
                                .put((byte) 8)
                                .array()),
                PngFiles.chunk(
                        "acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array()),
                PngFiles.chunk("fcTL", frameControl(0)),
                PngFiles.chunk("IDAT", pixels));
        int sequence = 1;
        for (int frame = 1; frame < frames; frame++) {
            out = concat(
                    out,
                    PngFiles.chunk("fcTL", frameControl(sequence++)),
                    PngFiles.chunk(
                            "fdAT",
                            concat(ByteBuffer.allocate(4).putInt(sequence++).array(), pixels)));
        }
        return concat(out, PngFiles.chunk("IEND", new byte[0]));
    }

    private static byte[] frameControl(int sequence) {
        return ByteBuffer.allocate(26)
                .putInt(sequence)
                .putInt(1)
                .putInt(1)
                .putInt(0)
                .putInt(0)
                .putShort((short) 1)
                .putShort((short) 10)
                .put((byte) 0)
                .put((byte) 0)
                .array();
    }

    private static byte[] riffChunk(String type, byte[] data) {
        byte[] padded = data.length % 2 == 0 ? data : Arrays.copyOf(data, data.length + 1);
        return concat(type.getBytes(), little(4).putInt(data.length).array(), padded);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] u24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] concat(byte[]... parts) {
        return PngFiles.concat(parts);
    }
}
