package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** createAsset from a stream: read once into the temporary file, refused with nothing left behind. */
class StreamSourceTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    /** A JPEG of 3 MiB: a small picture with padding after its end, which readers ignore. */
    private byte[] bigJpeg;

    @BeforeEach
    void makeJpeg() {
        byte[] picture = TestMedia.jpegBytes(64, 48);
        bigJpeg = Arrays.copyOf(picture, 3 << 20);
    }

    /**
     * No second copy: while the stream is read, what it gave so far is already in the one
     * temporary file of the write (less what one read buffer holds), not gathered in memory or in
     * another file first.
     */
    @Test
    void theBytesGoStraightIntoTheOneTemporaryFileAsTheyAreRead() throws IOException {
        List<String> seen = new ArrayList<>();
        InputStream watched = new FilterInputStream(new ByteArrayInputStream(bigJpeg)) {
            long delivered;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (delivered > 2 << 20 && seen.isEmpty()) {
                    List<Path> temps = hiddenFiles();
                    seen.add(temps.size() + " temporary file(s)");
                    long written = Files.size(temps.getFirst());
                    seen.add(written >= delivered - (128 << 10) ? "written as read" : "held back: " + written);
                }
                int n = super.read(buffer, offset, length);
                delivered += Math.max(n, 0);
                return n;
            }
        };
        try (MediaLibrary library = open()) {
            library.createAsset(AssetSource.stream("watched.jpg", watched, bigJpeg.length), null);
        }

        assertThat(seen).containsExactly("1 temporary file(s)", "written as read");
        assertThat(hiddenFiles()).isEmpty();
    }

    private MediaLibrary open() {
        return MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
    }

    private List<Path> hiddenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".camroll-"))
                    .toList();
        }
    }
}
