package dev.camroll.core.media.redact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JPEG's extended XMP: a packet too long for one segment, cut into APP1 chunks
 * ("http://ns.adobe.com/xmp/extension/", a GUID, the full length, the chunk's offset in it). A
 * property may be cut between two chunks, so the chunks of a GUID are put together (a few MB at
 * most, never the picture), blanked as one packet, and the blanks laid back over each chunk where
 * it stands. The GUID is the MD5 of the whole extension, which readers may check: it is computed
 * again over the blanked packet and written over the old one, in each chunk and in the main XMP's
 * {@code xmpNote:HasExtendedXMP}, which has the same 32 characters.
 */
final class ExtendedXmp {
    static final int GUID_LENGTH = 32;

    private final Map<String, List<Chunk>> chunks = new LinkedHashMap<>();
    private final List<Packet> mainPackets = new ArrayList<>();

    /** One chunk: its GUID at {@code guidAt}, and its part of the packet from {@code dataAt}. */
    private record Chunk(long guidAt, long fullLength, long offsetInFull, long dataAt, int length) {}

    /** A main XMP packet, where the GUID of its extension is named. */
    private record Packet(long at, byte[] bytes) {}

    void mainPacket(long at, byte[] bytes) {
        mainPackets.add(new Packet(at, bytes));
    }

    /**
     * A chunk's header and data: {@code segment} from the GUID on (GUID, full length, offset,
     * data), which the file holds from {@code at}.
     */
    void chunk(byte[] segment, long at) {
        int header = GUID_LENGTH + 8;
        if (segment.length <= header) {
            return;
        }
        String guid = new String(segment, 0, GUID_LENGTH, StandardCharsets.ISO_8859_1);
        long fullLength = FileBytes.big(segment).getInt(GUID_LENGTH) & 0xFFFF_FFFFL;
        long offset = FileBytes.big(segment).getInt(GUID_LENGTH + 4) & 0xFFFF_FFFFL;
        chunks.computeIfAbsent(guid, key -> new ArrayList<>())
                .add(new Chunk(at, fullLength, offset, at + header, segment.length - header));
    }

    /** Blanks each extension put together, and writes its new GUID where the old one stood. */
    void redact(FileBytes file, PatchList patches) throws java.io.IOException {
        for (Map.Entry<String, List<Chunk>> extension : chunks.entrySet()) {
            long fullLength = extension.getValue().getFirst().fullLength();
            if (fullLength <= 0 || fullLength > FileBytes.MAX_READ) {
                continue; // each chunk was blanked on its own
            }
            byte[] packet = new byte[(int) fullLength];
            for (Chunk chunk : extension.getValue()) {
                if (chunk.offsetInFull() < fullLength) {
                    byte[] data = file.read(chunk.dataAt(), chunk.length());
                    int length = (int) Math.min(data.length, fullLength - chunk.offsetInFull());
                    System.arraycopy(data, 0, packet, (int) chunk.offsetInFull(), length);
                }
            }
            PatchList blanks = new PatchList();
            XmpLocation.redact(packet, 0, blanks);
            List<Patch> found = blanks.since(0);
            if (found.isEmpty()) {
                continue;
            }
            for (Patch blank : found) {
                System.arraycopy(blank.bytes(), 0, packet, (int) blank.offset(), blank.bytes().length);
                for (Chunk chunk : extension.getValue()) {
                    long from = Math.max(blank.offset(), chunk.offsetInFull());
                    long to = Math.min(blank.end(), chunk.offsetInFull() + chunk.length());
                    if (from < to) {
                        patches.fill(chunk.dataAt() + from - chunk.offsetInFull(), to - from, (byte) ' ');
                    }
                }
            }
            renameGuid(extension.getKey(), md5(packet), extension.getValue(), patches);
        }
    }

    private void renameGuid(String old, String guid, List<Chunk> parts, PatchList patches) {
        byte[] bytes = guid.getBytes(StandardCharsets.ISO_8859_1);
        for (Chunk chunk : parts) {
            patches.write(chunk.guidAt(), bytes);
        }
        byte[] name = old.getBytes(StandardCharsets.ISO_8859_1);
        for (Packet packet : mainPackets) {
            for (int at = JpegLocation.indexOf(packet.bytes(), name, 0);
                    at >= 0;
                    at = JpegLocation.indexOf(packet.bytes(), name, at + name.length)) {
                patches.write(packet.at() + at, bytes);
            }
        }
    }

    private static String md5(byte[] packet) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("MD5").digest(packet));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
