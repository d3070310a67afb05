package dev.camroll.core.metadata;

import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JPEGs with the markers phones write, built byte by byte from their makers' layouts: Apple's
 * MakerNote ("Apple iOS" header, a big-endian IFD whose offsets count from the MakerNote's start,
 * as metadata-extractor and ExifTool read it), an EXIF UserComment, an XMP packet (Google's
 * Camera, Container, GDepth and GPano namespaces as Google documents them), and Samsung's SEF
 * trailer after the end of image (as ExifTool's Samsung module reads it).
 */
public final class PhoneMarkers {

    static final int ASCII = 2;
    static final int UNDEFINED = 7;
    static final int SLONG = 9;

    /** One TIFF entry; its value in file order, inline when 4 bytes or fewer. */
    public record Entry(int tag, int type, int count, byte[] value) {
        public static Entry ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, ASCII, bytes.length, bytes);
        }

        public static Entry slong(int tag, int value) {
            return new Entry(tag, SLONG, 1, ByteBuffer.allocate(4).putInt(value).array());
        }

        public static Entry undefined(int tag, byte[] bytes) {
            return new Entry(tag, UNDEFINED, bytes.length, bytes);
        }
    }

    private PhoneMarkers() {}

    /** A big-endian IFD that starts at {@code start} of the space its offsets count in, data after it. */
    static byte[] ifd(List<Entry> entries, int start) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
        int dataAt = start + 2 + 12 * sorted.size() + 4;
        ByteBuffer table = ByteBuffer.allocate(2 + 12 * sorted.size() + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        table.putShort((short) sorted.size());
        for (Entry entry : sorted) {
            table.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value().length <= 4) {
                table.put(Arrays.copyOf(entry.value(), 4));
            } else {
                table.putInt(dataAt + data.size());
                data.writeBytes(entry.value());
                if (data.size() % 2 == 1) {
                    data.write(0);
                }
            }
        }
        table.putInt(0);
        return concat(table.array(), data.toByteArray());
    }

    /** Apple's MakerNote: "Apple iOS\0", version 1, "MM", then the IFD at offset 14. */
    public static byte[] appleMakerNote(List<Entry> entries) {
        byte[] header = concat("Apple iOS\0".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1, 'M', 'M'});
        return concat(header, ifd(entries, header.length));
    }

    /** An EXIF UserComment in ASCII, as iOS writes "Screenshot". */
    static byte[] userComment(String text) {
        return concat("ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.US_ASCII));
    }

    /** An APP1 EXIF segment: IFD0 pointing to an EXIF IFD that holds the given entries. */
    public static byte[] exifSegment(List<Entry> exifEntries) {
        byte[] header = {'M', 'M', 0, 42, 0, 0, 0, 8};
        int exifIfdAt = 8 + 2 + 12 + 4;
        byte[] ifd0 = ifd(
                List.of(new Entry(
                        0x8769, 4, 1, ByteBuffer.allocate(4).putInt(exifIfdAt).array())),
                8);
        byte[] tiff = concat(header, ifd0, ifd(exifEntries, exifIfdAt));
        return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff));
    }

    /** An APP1 XMP segment holding one rdf:Description with these attributes and inner elements. */
    public static byte[] xmpSegment(String namespaces, String attributes, String elements) {
        String packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
                + namespaces + " " + attributes + ">" + elements + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        return segment(
                0xE1,
                concat(
                        "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                        packet.getBytes(StandardCharsets.UTF_8)));
    }

    /** A real JPEG with the given segments placed right after its start of image. */
    public static byte[] jpegWith(byte[]... segments) {
        byte[] jpeg = TestMedia.jpegBytes(64, 48);
        byte[] body = Arrays.copyOfRange(jpeg, 2, jpeg.length);
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, concat(segments), body);
    }

    /**
     * Samsung's trailer after the end of image: the named block (padding, type, name length, name,
     * data) and the SEF directory pointing back to it, then the directory's length and "SEFT".
     */
    public static byte[] samsungTrailer(int type, String name, byte[] data) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer block = little(8 + nameBytes.length + data.length);
        block.putShort((short) 0)
                .putShort((short) type)
                .putInt(nameBytes.length)
                .put(nameBytes)
                .put(data);
        ByteBuffer directory = little(12 + 12);
        directory.put("SEFH".getBytes(StandardCharsets.US_ASCII)).putInt(106).putInt(1);
        directory
                .putShort((short) 0)
                .putShort((short) type)
                .putInt(block.capacity())
                .putInt(block.capacity());
        ByteBuffer end = little(8).putInt(directory.capacity()).put("SEFT".getBytes(StandardCharsets.US_ASCII));
        return concat(block.array(), directory.array(), end.array());
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] segment(int marker, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(4 + payload.length);
        out.put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload);
        return out.array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
