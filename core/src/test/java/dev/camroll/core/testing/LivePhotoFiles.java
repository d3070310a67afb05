package dev.camroll.core.testing;

import dev.camroll.core.metadata.LiveIdentifier;
import dev.camroll.core.metadata.PhoneMarkers;
import dev.camroll.core.metadata.PhoneMarkers.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two files of an Apple Live Photo, as an iPhone writes them and Image Capture copies them: a
 * JPEG whose Apple MakerNote holds the ContentIdentifier (tag 0x0011, an ASCII UUID; the layout
 * ExifTool and metadata-extractor read, built by {@link PhoneMarkers}), and a short QuickTime MOV
 * whose metadata holds the same UUID under the key {@code com.apple.quicktime.content.identifier}
 * (an {@code mdta} key in the {@code meta} box, as Apple's AVFoundation writes it; made here with
 * the bundled FFmpeg libraries' MOV muxer with {@code use_metadata_tags}).
 */
public final class LivePhotoFiles {
    /** Apple MakerNote tag ContentIdentifier. */
    public static final int CONTENT_IDENTIFIER_TAG = 0x0011;

    private LivePhotoFiles() {}

    /** The still: a real JPEG with the identifier in its Apple MakerNote. */
    public static Path still(Path target, String contentIdentifier) {
        byte[] makerNote = PhoneMarkers.appleMakerNote(List.of(Entry.ascii(CONTENT_IDENTIFIER_TAG, contentIdentifier)));
        byte[] jpeg = PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(Entry.undefined(0x927C, makerNote))));
        try {
            Files.createDirectories(target.getParent());
            return Files.write(target, jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The video: a MOV of {@code seconds} with the identifier in its QuickTime metadata, or none when null. */
    public static Path video(Path target, String contentIdentifier, double seconds) {
        TestMedia.VideoSpec spec = contentIdentifier == null
                ? TestMedia.VideoSpec.PLAIN
                : TestMedia.VideoSpec.PLAIN.withTag(LiveIdentifier.QUICKTIME_KEY, contentIdentifier);
        return TestMedia.video(target, seconds, 32, 24, spec);
    }
}
