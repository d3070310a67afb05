package dev.camroll.core.contract;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createAsset from a stream: stored whole, or refused (past its limit, its announced length, failing, not media) with nothing kept. */
abstract class StreamsContract extends ContractGroup {
    StreamsContract(LibraryUnderTest under) {
        super(under);
    }

    /** A JPEG of 3 MiB: a small picture with padding after its end, which readers ignore. */
    private byte[] bigJpeg;

    @BeforeEach
    void makeJpeg() {
        byte[] picture = TestMedia.jpegBytes(64, 48);
        bigJpeg = Arrays.copyOf(picture, 3 << 20);
    }

    @Test
    void aStreamOfUnknownLengthIsStoredAndIndexed() throws IOException {
        try (MediaLibrary library = open()) {
            Asset asset =
                    library.createAsset(AssetSource.stream("upload.jpg", new ByteArrayInputStream(bigJpeg)), null);

            assertThat(asset.filename()).isEqualTo("upload.jpg");
            assertThat(asset.width()).isEqualTo(64);
            assertThat(Files.readAllBytes(root.resolve("Pictures/upload.jpg"))).isEqualTo(bigJpeg);
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(1);
        }
    }

    @Test
    void aStreamThatFailsHalfWayLeavesNothingBehind() throws IOException {
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(bigJpeg)) {
            long delivered;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (delivered > bigJpeg.length / 2) {
                    throw new IOException("connection reset");
                }
                int n = super.read(buffer, offset, length);
                delivered += Math.max(n, 0);
                return n;
            }
        };
        try (MediaLibrary library = open()) {
            assertThatThrownBy(() -> library.createAsset(AssetSource.stream("cut.jpg", failing), null))
                    .isInstanceOfSatisfying(CamrollException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
                        assertThat(e.getMessage()).contains("cut.jpg", "connection reset", "nothing was kept");
                    });
            assertNothingLeft(library);
        }
    }

    @Test
    void aStreamPastItsLimitIsRefusedWithNothingLeftBehind() throws IOException {
        try (MediaLibrary library = open()) {
            AssetSource.FromStream tooLong = AssetSource.stream("big.jpg", new ByteArrayInputStream(bigJpeg))
                    .withMaxBytes(100_000);

            assertThatThrownBy(() -> library.createAsset(tooLong, null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                        assertThat(e.details()).containsEntry(InvalidArgumentException.MAX_BYTES, 100_000L);
                        assertThat(e.getMessage()).contains("big.jpg", "100000");
                    });
            assertNothingLeft(library);
        }
    }

    @Test
    void anAnnouncedLengthPastTheLimitIsRefusedBeforeAByteIsRead() throws IOException {
        CountingStream counted = new CountingStream(bigJpeg);
        try (MediaLibrary library = open()) {
            AssetSource source =
                    AssetSource.stream("big.jpg", counted, bigJpeg.length).withMaxBytes(1 << 20);

            assertThatThrownBy(() -> library.createAsset(source, null))
                    .isInstanceOfSatisfying(
                            CamrollException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
            assertThat(counted.read).isZero();
            assertNothingLeft(library);
        }
    }

    @Test
    void aStreamShorterOrLongerThanItsAnnouncedLengthIsRefused() throws IOException {
        try (MediaLibrary library = open()) {
            AssetSource shortOne =
                    AssetSource.stream("short.jpg", new ByteArrayInputStream(bigJpeg), bigJpeg.length + 10L);
            assertThatThrownBy(() -> library.createAsset(shortOne, null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.parameter()).isEqualTo("source");
                        assertThat(e.getMessage()).contains("ended after " + bigJpeg.length);
                    });
            AssetSource longOne = AssetSource.stream("long.jpg", new ByteArrayInputStream(bigJpeg), 10_000);
            assertThatThrownBy(() -> library.createAsset(longOne, null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.getMessage())
                            .contains("more than the 10000 bytes"));
            assertNothingLeft(library);
        }
    }

    @Test
    void contentThatIsNotMediaOrNotItsNamesMediaIsRefused() throws IOException {
        byte[] png = Files.readAllBytes(TestMedia.png(outside.resolve("source.png"), 8, 8));
        try (MediaLibrary library = open()) {
            for (AssetSource source : List.of(
                    AssetSource.stream(
                            "notes.jpg",
                            new ByteArrayInputStream("just text".repeat(1000).getBytes())),
                    AssetSource.stream("picture.jpg", new ByteArrayInputStream(png)),
                    AssetSource.stream("empty.jpg", new ByteArrayInputStream(new byte[0])))) {
                assertThatThrownBy(() -> library.createAsset(source, null))
                        .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.NOT_MEDIA);
                            assertThat(e.details())
                                    .containsEntry(InvalidArgumentException.FILE_NAME, source.fileName());
                        });
            }
            assertNothingLeft(library);
        }
    }

    /**
     * No asset and no file: at once in an embedded library; a served one may still be ending the
     * refused write when the caller hears of it (the server learns that an upload was cut off only
     * when its connection ends), so the files are given a few seconds to go.
     */
    private void assertNothingLeft(MediaLibrary library) throws IOException {
        assertThat(library.getAssets(EVERYTHING).totalCount()).isZero();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        java.util.List<Path> left = filesOutsideTheDataFolder();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = filesOutsideTheDataFolder();
        }
        assertThat(left).isEmpty();
    }

    private java.util.List<Path> filesOutsideTheDataFolder() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(root.resolve(".camroll")))
                    .toList();
        }
    }

    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public synchronized int read() {
            read++;
            return super.read();
        }
    }
}
