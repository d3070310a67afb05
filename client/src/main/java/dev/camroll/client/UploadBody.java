package dev.camroll.client;

import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The body of an upload: a file as the JDK reads it, in pieces; bytes as they are; a stream read
 * as the request is sent (with its length when it announced one, else chunked), so that a source
 * of any size is never held whole. A stream is checked as it is read, as the embedded library
 * checks it: past its limit, past or short of its announced length, or failing, it stops the
 * upload, and the call fails with the exception the embedded library throws for it
 * ({@link #refusal()}).
 */
final class UploadBody {
    private final HttpRequest.BodyPublisher publisher;
    private final CheckedStream checked;

    private UploadBody(HttpRequest.BodyPublisher publisher, CheckedStream checked) {
        this.publisher = publisher;
        this.checked = checked;
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
                CheckedStream checked = new CheckedStream(stream);
                HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> checked);
                yield new UploadBody(
                        stream.lengthKnown()
                                ? HttpRequest.BodyPublishers.fromPublisher(body, stream.expectedLength())
                                : body,
                        checked);
            }
        };
    }

    HttpRequest.BodyPublisher publisher() {
        return publisher;
    }

    /** Why the stream stopped the upload, as the embedded library would have refused it; empty if it did not. */
    Optional<CamrollException> refusal() {
        return checked == null ? Optional.empty() : Optional.ofNullable(checked.refusal);
    }

    private static InvalidArgumentException tooLarge(AssetSource.FromStream stream, String size) {
        return InvalidArgumentException.tooLarge(
                stream.maxBytes(),
                stream.fileName() + ": " + size + ", past the limit of " + stream.maxBytes()
                        + " bytes; nothing was kept");
    }

    /**
     * The caller's stream, left open (the caller closes it), counted against its limit and
     * announced length; the first refusal is kept and the read fails, which stops the upload.
     */
    private static final class CheckedStream extends FilterInputStream {
        private final AssetSource.FromStream stream;
        private long total;
        private volatile CamrollException refusal;

        CheckedStream(AssetSource.FromStream stream) {
            super(stream.in());
            this.stream = stream;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw refuse(new CamrollException(
                        ErrorCode.IO_ERROR,
                        "reading " + stream.fileName() + " failed after " + total + " bytes: " + e.getMessage()
                                + "; nothing was kept",
                        e));
            }
            if (n < 0) {
                if (stream.lengthKnown() && total < stream.expectedLength()) {
                    throw refuse(InvalidArgumentException.of(
                            "source",
                            stream.fileName() + ": ended after " + total + " of the " + stream.expectedLength()
                                    + " bytes it announced; nothing was kept"));
                }
                return n;
            }
            total += n;
            if (total > stream.maxBytes()) {
                throw refuse(tooLarge(stream, "more than " + stream.maxBytes() + " bytes"));
            }
            if (stream.lengthKnown() && total > stream.expectedLength()) {
                throw refuse(InvalidArgumentException.of(
                        "source",
                        stream.fileName() + ": brought more than the " + stream.expectedLength()
                                + " bytes it announced; nothing was kept"));
            }
            return n;
        }

        private IOException refuse(CamrollException why) {
            if (refusal == null) {
                refusal = why;
            }
            return new IOException(why.getMessage());
        }

        @Override
        public void close() {
            // The caller keeps the stream and closes it, as with the embedded library.
        }
    }
}
