package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The trailer Samsung's camera appends after a JPEG's end of image (SEF, as ExifTool names it): a
 * directory ending the file with {@code SEFT}, whose entries point back to named blocks. A Motion
 * Photo has one named {@code MotionPhoto_Data} (type 0x0A30), the MP4 that follows its name.
 *
 * <p>Layout, all little-endian: the file ends with the directory's length (4 bytes) and "SEFT";
 * the directory starts with "SEFH", a version (4) and an entry count (4), then 12-byte entries: 2
 * bytes of padding, the type (2), the block's distance back from the directory start (4) and its
 * length (4). A block starts with 2 bytes of padding, its type (2), the name's length (4) and the
 * name.
 */
final class SamsungTrailer {

    static final int MOTION_PHOTO_TYPE = 0x0A30;
    static final String MOTION_PHOTO_NAME = "MotionPhoto_Data";

    /** Directories longer than this are not Samsung's (a few entries of 12 bytes each). */
    private static final int MAX_DIRECTORY = 64 * 1024;

    private SamsungTrailer() {}

    /** Whether the file ends with a Samsung trailer holding a Motion Photo's video; lenient, never throws. */
    static boolean hasMotionPhoto(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return hasMotionPhoto(channel);
        } catch (IOException e) {
            return false;
        }
    }

    /** The same over an open file, with positional reads (its position stays). */
    static boolean hasMotionPhoto(FileChannel channel) {
        try {
            long size = channel.size();
            if (size < 8) {
                return false;
            }
            ByteBuffer tail = read(channel, size - 8, 8);
            if (tail == null || !ascii(tail, 4, "SEFT")) {
                return false;
            }
            int directoryLength = tail.getInt(0);
            long directoryStart = size - 8 - directoryLength;
            if (directoryLength < 12 || directoryLength > MAX_DIRECTORY || directoryStart < 0) {
                return false;
            }
            ByteBuffer directory = read(channel, directoryStart, directoryLength);
            if (directory == null || !ascii(directory, 0, "SEFH")) {
                return false;
            }
            int count = directory.getInt(8);
            for (int i = 0; i < count && 12 + (i + 1) * 12 <= directoryLength; i++) {
                int entry = 12 + i * 12;
                int type = Short.toUnsignedInt(directory.getShort(entry + 2));
                long back = Integer.toUnsignedLong(directory.getInt(entry + 4));
                if (type == MOTION_PHOTO_TYPE && isNamed(channel, directoryStart - back, MOTION_PHOTO_NAME)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Where the MP4 of a Motion Photo lies in the file: the data of its {@code MotionPhoto_Data}
     * block, after the block's header and name, as {offset, length}; null when there is none.
     */
    static long[] motionPhotoData(FileChannel channel) {
        try {
            long size = channel.size();
            if (size < 8) {
                return null;
            }
            ByteBuffer tail = read(channel, size - 8, 8);
            if (tail == null || !ascii(tail, 4, "SEFT")) {
                return null;
            }
            int directoryLength = tail.getInt(0);
            long directoryStart = size - 8 - directoryLength;
            if (directoryLength < 12 || directoryLength > MAX_DIRECTORY || directoryStart < 0) {
                return null;
            }
            ByteBuffer directory = read(channel, directoryStart, directoryLength);
            if (directory == null || !ascii(directory, 0, "SEFH")) {
                return null;
            }
            int count = directory.getInt(8);
            for (int i = 0; i < count && 12 + (i + 1) * 12 <= directoryLength; i++) {
                int entry = 12 + i * 12;
                int type = Short.toUnsignedInt(directory.getShort(entry + 2));
                long back = Integer.toUnsignedLong(directory.getInt(entry + 4));
                long length = Integer.toUnsignedLong(directory.getInt(entry + 8));
                long blockStart = directoryStart - back;
                if (type == MOTION_PHOTO_TYPE && isNamed(channel, blockStart, MOTION_PHOTO_NAME)) {
                    long header = 8L + MOTION_PHOTO_NAME.length();
                    long dataLength = Math.min(length, directoryStart - blockStart) - header;
                    return dataLength > 0 ? new long[] {blockStart + header, dataLength} : null;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isNamed(FileChannel channel, long blockStart, String name) throws IOException {
        if (blockStart < 0) {
            return false;
        }
        ByteBuffer block = read(channel, blockStart, 8 + name.length());
        return block != null && block.getInt(4) == name.length() && ascii(block, 8, name);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    private static boolean ascii(ByteBuffer buffer, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (at + expected.length > buffer.limit()) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buffer.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
