package dev.camroll.core.metadata;

import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The EXIF of a Canon CR3, which metadata-extractor does not read: its {@code CMT1}, {@code CMT2}
 * and {@code CMT4} boxes are each a little TIFF whose first IFD is, in turn, IFD0 (make, model,
 * orientation), the EXIF IFD (capture times) and the GPS IFD. Each is read as a TIFF and its first
 * IFD's tags are put in the directory they belong to, so the probe takes them as from any photo.
 */
final class Cr3Metadata {

    private Cr3Metadata() {}

    static Metadata read(Path file, Consumer<String> warn) throws IOException {
        Metadata metadata = new Metadata();
        for (IsoBmff.CanonTiff box : IsoBmff.canonTiffBoxes(file, warn)) {
            Directory target =
                    switch (box.type()) {
                        case "CMT1" -> new ExifIFD0Directory();
                        case "CMT2" -> new ExifSubIFDDirectory();
                        case "CMT4" -> new GpsDirectory();
                        default -> null; // CMT3 is Canon's maker notes: nothing the index reads
                    };
            if (target == null) {
                continue;
            }
            ExifIFD0Directory first;
            try {
                first = TiffMetadataReader.readMetadata(new ByteArrayReader(box.tiff()))
                        .getFirstDirectoryOfType(ExifIFD0Directory.class);
            } catch (Exception e) {
                warn.accept("CR3 " + box.type() + " could not be read: " + MediaProbe.describe(e));
                continue;
            }
            if (first == null) {
                continue;
            }
            for (Tag tag : first.getTags()) {
                target.setObject(tag.getTagType(), first.getObject(tag.getTagType()));
            }
            metadata.addDirectory(target);
        }
        return metadata;
    }
}
