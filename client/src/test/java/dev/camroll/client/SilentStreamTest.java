package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.ChangeSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connection that goes dead without a word (a network gone, a machine asleep) ends no read: the
 * client counts the silence and opens the stream again from the last token it heard. The peer
 * here speaks HTTP over a real socket and then stops talking, as such a connection does.
 */
class SilentStreamTest {

    @Test
    void aStreamSilentPastTheLimitIsOpenedAgainFromTheLastToken() throws Exception {
        List<String> lastEventIds = new CopyOnWriteArrayList<>();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!peer.isClosed()) {
                    try {
                        Socket socket = peer.accept();
                        held.add(socket);
                        Thread.ofVirtual().start(() -> answer(socket, lastEventIds));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            URI url = URI.create("http://127.0.0.1:" + peer.getLocalPort() + "/");
            try (CamrollClient client = CamrollClient.connect(url, "token", Duration.ofMillis(500))) {
                BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
                client.addListener(heard::add);
                // Generous bounds: both waits end as soon as the event or the reconnection comes, and a
                // 2-core machine busy with other builds can take seconds to start the first call.
                ChangeSet first = heard.poll(30, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(first.insertedAssets()).containsExactly("a1");

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lastEventIds.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(lastEventIds)
                        .as("the stream was opened again after the silence, from the last token")
                        .hasSizeGreaterThanOrEqualTo(2)
                        .startsWith("t0", "t1");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /** Answers the token call, or opens an event stream: one event, then silence. */
    private static void answer(Socket socket, List<String> lastEventIds) {
        try {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            String lastEventId = null;
            for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
                if (header.regionMatches(true, 0, "Last-Event-ID:", 0, 14)) {
                    lastEventId = header.substring(14).strip();
                }
            }
            OutputStream out = socket.getOutputStream();
            if (requestLine.startsWith("GET /api/v1/changes/token")) {
                byte[] body = "{\"token\":\"t0\"}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                // One request a connection: the event stream comes on a connection of its own.
                socket.close();
                return;
            } else {
                lastEventIds.add(lastEventId);
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n: connected\n\n"
                        .getBytes(StandardCharsets.US_ASCII));
                if (lastEventIds.size() == 1) {
                    out.write(
                            ("id: t1\nevent: change\ndata: {\"hasIncrementalChanges\":true,\"insertedAssets\":[\"a1\"],"
                                            + "\"updatedAssets\":[],\"deletedAssets\":[],\"nextToken\":\"t1\"}\n\n")
                                    .getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
            // Then nothing: the socket stays open, and silent.
        } catch (IOException closed) {
            // The test ended.
        }
    }
}
