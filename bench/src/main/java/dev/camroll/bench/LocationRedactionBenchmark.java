package dev.camroll.bench;

import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serving a 12-megapixel camera JPEG with GPS as the original, as {@code RangedFile} streams it (a
 * 64 KiB buffer to the response), as it is and without its location: the redacted variant plans
 * its patches from the file's head on every call and lays them over the stream. Run by {@code
 * bench/location-redaction.sh}, with JMH's GC profiler for the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocationRedactionBenchmark {
    private static final int BUFFER = 64 * 1024;

    @Param({"original", "redacted"})
    public String variant;

    private Path jpeg;
    private final OutputStream response = OutputStream.nullOutputStream();

    /** A 4000 x 3000 JPEG (quality 92) of a real GPS-tagged camera file, with its EXIF and XMP. */
    @Setup(Level.Trial)
    public void makeFile() throws IOException {
        Path source = TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg");
        byte[] camera = Files.readAllBytes(source);
        BufferedImage picture = ThumbnailBenchmark.cover(ImageIO.read(source.toFile()), 0);
        byte[] bytes = ThumbnailBenchmark.spliceAfterSoi(
                ThumbnailBenchmark.encode(picture, 0.92f), ThumbnailBenchmark.metadataSegments(camera));
        jpeg = Files.createTempFile("camroll-redaction", ".jpg");
        Files.write(jpeg, bytes);
        jpeg.toFile().deleteOnExit();
        try (SeekableByteChannel channel = Files.newByteChannel(jpeg)) {
            if (LocationRedactor.plan(channel, MediaFormat.JPEG).isEmpty()) {
                throw new IllegalStateException("the benchmark's file has no location to take out");
            }
        }
        System.err.printf("file: %d bytes, 4000 x 3000%n", bytes.length);
    }

    @Benchmark
    public long serve() throws IOException {
        SeekableByteChannel file = Files.newByteChannel(jpeg, StandardOpenOption.READ);
        try (SeekableByteChannel channel =
                variant.equals("redacted") ? LocationRedactor.open(file, MediaFormat.JPEG) : file) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long sent = 0;
            int read;
            while ((read = channel.read(buffer.clear())) > 0) {
                response.write(buffer.array(), 0, read);
                sent += read;
            }
            return sent;
        }
    }
}
