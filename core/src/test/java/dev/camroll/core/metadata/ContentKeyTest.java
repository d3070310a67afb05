package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentKeyTest {
    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @Test
    void theProbesKeyIsTheKeyOfTheFileAtEverySize() throws IOException {
        byte[] jpeg = TestMedia.jpegBytes(8, 8);
        for (int size : new int[] {jpeg.length, 4096, 4097, 8191, 8192, 8193, 12_288, 1 << 20}) {
            Path file = folder.resolve("f" + size + ".jpg");
            Files.write(file, padded(jpeg, Math.max(size, jpeg.length), (byte) 7));
            ContentKey probed = ((ProbeOutcome.Media) probe.probe(file)).facts().contentKey();
            assertThat(probed).as("size %d", size).isNotNull().isEqualTo(ContentKey.of(file));
        }
    }

    @Test
    void theKeyFollowsTheContentNotTheName() throws IOException {
        byte[] content = padded(TestMedia.jpegBytes(8, 8), 100_000, (byte) 1);
        Path a = Files.write(folder.resolve("a.jpg"), content);
        Path b = Files.write(folder.resolve("b.jpg"), content);
        content[content.length - 10] ^= 1;
        Path tailEdited = Files.write(folder.resolve("c.jpg"), content);
        Path longer = Files.write(folder.resolve("d.jpg"), padded(content, content.length + 1, (byte) 0));

        assertThat(ContentKey.of(a)).isEqualTo(ContentKey.of(b));
        assertThat(ContentKey.of(tailEdited)).isNotEqualTo(ContentKey.of(a));
        assertThat(ContentKey.of(longer)).isNotEqualTo(ContentKey.of(tailEdited));
        assertThat(ContentKey.fromBytes(ContentKey.of(a).toBytes())).isEqualTo(ContentKey.of(a));
    }

    @Test
    void aFileThatCannotBeReadHasNoKey() {
        assertThat(ContentKey.of(folder.resolve("missing.jpg"))).isNull();
        assertThat(ContentKey.of(folder)).isNull();
        assertThat(ContentKey.fromBytes(new byte[3])).isNull();
    }

    private static byte[] padded(byte[] start, int size, byte fill) {
        byte[] out = new byte[size];
        java.util.Arrays.fill(out, fill);
        System.arraycopy(start, 0, out, 0, Math.min(start.length, size));
        return out;
    }
}
