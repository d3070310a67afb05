package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile file cannot make the in-process demuxer do. */
class AvDemuxerBoundsTest {

    @TempDir
    Path folder;

    @Test
    void aPlaylistCannotMakeItOpenAUrl() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(3000);
            CompletableFuture<Boolean> connected = CompletableFuture.supplyAsync(() -> {
                try (Socket ignored = server.accept()) {
                    return true;
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return false;
                }
            });
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/segment.ts";
            Path playlist = Files.writeString(
                    folder.resolve("clip.mp4"), "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + url + "\n");
            Path concat = Files.writeString(folder.resolve("list.txt"), "ffconcat version 1.0\nfile '" + url + "'\n");

            AvDemuxer.Outcome fromPlaylist = AvDemuxer.read(playlist);
            AvDemuxer.Outcome fromConcat = AvDemuxer.read(concat);

            assertThat(fromPlaylist).isInstanceOf(AvDemuxer.Outcome.Failed.class);
            assertThat(fromConcat).isInstanceOf(AvDemuxer.Outcome.Failed.class);
            assertThat(connected.get(10, TimeUnit.SECONDS))
                    .as("a connection reached the server")
                    .isFalse();
        }
    }

    @Test
    void theInterruptCallbackStopsFfmpegAtTheTimeLimit() {
        Path file = TestMedia.video(folder.resolve("clip.mkv"), 1.0, 64, 48);

        AvDemuxer.Outcome outcome = AvDemuxer.read(file, Duration.ZERO);

        assertThat(outcome).isInstanceOfSatisfying(AvDemuxer.Outcome.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("reading took longer than"));
        assertThat(AvDemuxer.read(file)).isInstanceOf(AvDemuxer.Outcome.Read.class);
    }

    @Test
    void aFileThatIsNoMediaFailsWithAReason() throws IOException {
        Path file = Files.write(folder.resolve("noise.mkv"), new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x7F});

        AvDemuxer.Outcome outcome = AvDemuxer.read(file);

        assertThat(outcome).isInstanceOfSatisfying(AvDemuxer.Outcome.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("not readable: "));
    }
}
