package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScanAndQueryTest {
    @TempDir
    Path root;

    @Test
    void dataFolderCanLiveElsewhere() throws IOException {
        jpeg(root.resolve("lib/a.jpg"), 10, 10, 1000L);
        Path data = root.resolve("index-elsewhere");
        try (MediaLibrary library =
                MediaLibrary.open(root.resolve("lib"), LibraryOptions.defaults().withDataDir(data))) {
            assertThat(library.getAssets(AssetQuery.builder().build()).totalCount())
                    .isEqualTo(1);
        }
        assertThat(data.resolve("index.db")).exists();
        assertThat(root.resolve("lib/.camroll")).doesNotExist();
    }

    static void jpeg(Path file, int width, int height, long mtime) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (mtime & 0xffffff));
        ImageIO.write(image, "jpg", file.toFile());
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }
}
