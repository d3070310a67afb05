package dev.camroll.client;

import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of an upload: a file as the JDK reads it, in pieces; bytes as they are; a stream read
 * as the request is sent (with its length when it announced one, else chunked), so that a source
 * of any size is never held whole. A stream that runs past its limit stops the upload, and the
 * call fails as the embedded library's would ({@link dev.camroll.api.ErrorCode#TOO_LARGE}).
 */
final class UploadBody {
    private final HttpRequest.BodyPublisher publisher;
    private final LimitedStream limited;

    private UploadBody(HttpRequest.BodyPublisher publisher, LimitedStream limited) {
        this.publisher = publisher;
        this.limited = limited;
    }

    static UploadBody of(AssetSource source) {
        return switch (source) {
            case AssetSource.FromFile(Path path) -> {
                if (!Files.isRegularFile(path)) {
                    throw InvalidArgumentException.of("source", path + ": no such file");
                }
                try {
                    yield new UploadBody(HttpRequest.BodyPublishers.ofFile(path), null);
                } catch (FileNotFoundException e) {
                    throw InvalidArgumentException.of("source", path + ": cannot be read: " + e.getMessage());
                }
            }
            case AssetSource.FromBytes(String ignored, byte[] bytes) ->
                new UploadBody(HttpRequest.BodyPublishers.ofByteArray(bytes), null);
            case AssetSource.FromStream stream -> {
                if (stream.lengthKnown() && stream.expectedLength() > stream.maxBytes()) {
                    throw tooLarge(stream, stream.expectedLength() + " bytes announced");
                }
                LimitedStream limited = new LimitedStream(stream.in(), stream.maxBytes());
                HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> limited);
                yield new UploadBody(
                        stream.lengthKnown()
                                ? HttpRequest.BodyPublishers.fromPublisher(body, stream.expectedLength())
                                : body,
                        limited);
            }
        };
    }

    HttpRequest.BodyPublisher publisher() {
        return publisher;
    }

    /** Whether the upload was stopped because the stream ran past its limit. */
    boolean overLimit() {
        return limited != null && limited.over;
    }

    /** In the embedded library's words: the same failure whichever side of the wire refuses it. */
    static InvalidArgumentException tooLarge(AssetSource.FromStream stream, String size) {
        return InvalidArgumentException.tooLarge(
                stream.maxBytes(),
                stream.fileName() + ": " + size + ", past the limit of " + stream.maxBytes()
                        + " bytes; nothing was kept");
    }

    /** The caller's stream, left open (the caller closes it), failing once it passes the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long read;
        private volatile boolean over;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                over = true;
                throw new IOException("the stream is larger than the limit of " + limit + " bytes");
            }
        }

        @Override
        public void close() {
            // The caller keeps the stream and closes it, as with the embedded library.
        }
    }
}
