package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.core.testing.TestMedia;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos Chromium cannot show, in the detail view: a TIFF and a raw file (a DNG laid out as cameras
 * write them, a small thumbnail in IFD0 and the full-size JPEG preview in a sub-IFD). The picture
 * at screen size comes from the rendition where no thumbnail can be made, and zoom gives the
 * full-size JPEG rendition, never the original the browser cannot decode.
 */
class RawAndTiffTest {
    @TempDir
    Path root;

    @Test
    void aTiffAndARawFileShowAndZoomThroughTheirJpegRenditions() throws Exception {
        Path tiff = TestMedia.tiff(root.resolve("scan.tif"), 800, 600);
        Path raw = Files.write(
                root.resolve("camera.dng"), rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480)));
        Files.setLastModifiedTime(tiff, FileTime.from(Instant.parse("2026-05-02T10:00:00Z")));
        Files.setLastModifiedTime(raw, FileTime.from(Instant.parse("2026-05-01T10:00:00Z")));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            Map<String, String> ids = served
                    .library
                    .getAssets(AssetQuery.builder().first(10).build())
                    .assets()
                    .stream()
                    .collect(Collectors.toMap(Asset::filename, Asset::id));
            assertThat(ids).containsOnlyKeys("scan.tif", "camera.dng");
            served.signIn(browser, "#/");

            for (Map.Entry<String, Integer> shown :
                    Map.of("scan.tif", 800, "camera.dng", 640).entrySet()) {
                String id = ids.get(shown.getKey());
                browser.get(served.url("#/?asset=" + id));
                browser.awaitVisible("#viewer .photo");
                browser.await(
                        shown.getKey() + " at screen size",
                        () -> (Boolean)
                                browser.js(
                                        "const i = document.querySelector('#viewer .photo'); return !!i && i.complete && i.naturalWidth > 0"));
                browser.screenshot("viewer-" + shown.getKey().replace('.', '-'));
                browser.find("#viewer .photo").click();
                browser.await(shown.getKey() + " zoomed, full size", () -> (Boolean) browser.js(
                        "const i = document.querySelector('#viewer .photo');"
                                + " return i.src.includes('/rendition') && i.complete && i.naturalWidth === arguments[0]",
                        shown.getValue()));
                browser.screenshot("viewer-" + shown.getKey().replace('.', '-') + "-zoomed");
            }
        }
    }

    /** A little-endian TIFF as raw files are: IFD0 with the sensor's size and a thumbnail, a sub-IFD with the preview. */
    static byte[] rawFile(byte[] thumbnail, byte[] preview) {
        int ifd0 = 8;
        int ifd0Entries = 6;
        int subIfd = ifd0 + 2 + ifd0Entries * 12 + 4;
        int subEntries = 3;
        int thumbnailAt = subIfd + 2 + subEntries * 12 + 4;
        int previewAt = thumbnailAt + thumbnail.length;
        ByteBuffer file = ByteBuffer.allocate(previewAt + preview.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        file.putShort((short) ifd0Entries);
        entry(file, 0x0100, 4, 6000);
        entry(file, 0x0101, 4, 4000);
        entry(file, 0x0112, 3, 1);
        entry(file, 0x014A, 4, subIfd);
        entry(file, 0x0201, 4, thumbnailAt);
        entry(file, 0x0202, 4, thumbnail.length);
        file.putInt(0);
        file.putShort((short) subEntries);
        entry(file, 0x00FE, 4, 1);
        entry(file, 0x0201, 4, previewAt);
        entry(file, 0x0202, 4, preview.length);
        file.putInt(0);
        file.put(thumbnail).put(preview);
        return file.array();
    }

    private static void entry(ByteBuffer file, int tag, int type, int value) {
        file.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            file.putShort((short) value).putShort((short) 0);
        } else {
            file.putInt(value);
        }
    }
}
