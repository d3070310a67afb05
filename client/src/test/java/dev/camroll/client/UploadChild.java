package dev.camroll.client;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.core.testing.TestMedia;
import java.io.InputStream;
import java.net.URI;

/**
 * A process with a small heap that uploads a generated stream, larger than its heap, through the
 * client: it can only succeed if the client never holds the stream whole. Arguments: the
 * server's URL, the token, the size in bytes. Prints the new asset's id and size.
 */
public final class UploadChild {
    private UploadChild() {}

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[2]);
        byte[] head = TestMedia.jpegBytes(64, 48);
        try (CamrollClient client = CamrollClient.connect(URI.create(args[0]), args[1]);
                InputStream in = new GeneratedJpeg(head, size)) {
            Asset asset = client.createAsset(AssetSource.stream("big.jpg", in), null);
            System.out.println(asset.id() + " " + asset.width() + "x" + asset.height());
        }
    }

    /** A JPEG followed by zeros up to {@code size} bytes (decoders stop at the end of the image), made as read. */
    static final class GeneratedJpeg extends InputStream {
        private final byte[] head;
        private final long size;
        private long position;

        GeneratedJpeg(byte[] head, long size) {
            this.head = head;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = at < head.length ? head[(int) at] : 0;
            }
            position += n;
            return n;
        }
    }
}
