package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.core.access.Scope;
import dev.camroll.core.testing.MotionPhotoFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MP4 inside a Motion Photo, served as the photo's video: found from Google's XMP lengths or
 * Samsung's trailer, in files built as phones write them ({@link MotionPhotoFiles}).
 */
class MotionPhotoVideoTest {
    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);

    @TempDir
    Path root;

    @TempDir
    Path scratch;

    @Test
    void theEmbeddedVideoIsServedAsAFileOfItsOwnWhateverThePhoneThatWroteIt() throws Exception {
        byte[] mp4 = MotionPhotoFiles.mp4(scratch.resolve("clip.mp4"));
        MotionPhotoFiles.google(root.resolve("PXL_0001.MP.jpg"), mp4, mp4.length);
        MotionPhotoFiles.microVideo(root.resolve("MVIMG_0002.jpg"), mp4);
        MotionPhotoFiles.samsung(root.resolve("20240501_0003.jpg"), mp4);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            ScopedLibrary owner = ((LocalMediaLibrary) library).scoped(Scope.owner());
            List<Asset> assets = library.getAssets(AssetQuery.builder().build()).assets();
            assertThat(assets).hasSize(3);
            for (Asset photo : assets) {
                assertThat(photo.mediaSubtypes()).as(photo.filename()).contains(MediaSubtype.MOTION_PHOTO);
                OriginalFile video = owner.pairedVideo(photo.id()).orElseThrow();
                assertThat(video.mimeType()).isEqualTo("video/mp4");
                assertThat(video.size()).isEqualTo(mp4.length);
                assertThat(readAll(video)).as(photo.filename()).isEqualTo(mp4);
                try (SeekableByteChannel channel = video.open()) {
                    ByteBuffer middle = ByteBuffer.allocate(50);
                    channel.position(100).read(middle);
                    assertThat(middle.array()).isEqualTo(Arrays.copyOfRange(mp4, 100, 150));
                }
                long offset = indexOf(Files.readAllBytes(root.resolve(photo.filename())), mp4);
                assertThat(library.getAssetInfo(photo.id()).pairedVideoUri())
                        .isEqualTo(photo.uri() + "#mp4=" + offset + "," + mp4.length);
            }
        }
    }

    @Test
    void metadataThatDoesNotLeadToAnMp4GivesNoVideo() throws Exception {
        byte[] mp4 = MotionPhotoFiles.mp4(scratch.resolve("clip.mp4"));
        // Says the video is 100 bytes longer than it is: its start would fall inside the JPEG.
        MotionPhotoFiles.google(root.resolve("PXL_0004.MP.jpg"), mp4, mp4.length + 100);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            Asset photo =
                    library.getAssets(AssetQuery.builder().build()).assets().getFirst();
            assertThat(photo.mediaSubtypes()).contains(MediaSubtype.MOTION_PHOTO);
            assertThat(((LocalMediaLibrary) library).scoped(Scope.owner()).pairedVideo(photo.id()))
                    .isEmpty();
            assertThat(library.getAssetInfo(photo.id()).pairedVideoUri()).isNull();
        }
    }

    private static long indexOf(byte[] file, byte[] part) {
        for (int i = 0; i + part.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readAll(OriginalFile file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SeekableByteChannel channel = file.open()) {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
        return out.toByteArray();
    }
}
