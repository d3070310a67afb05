package dev.camroll.core.library;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.MotionPhotoVideo;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.LivePairs;
import dev.camroll.core.store.PairedVideo;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file of an asset row with the checks the scan applies to the folder tree: the file is
 * a plain file (never a symbolic link, which could lead out of the library: the scan skips links)
 * in a folder reached from the root without links (the root is a real path; the folder's real
 * path must be the folder itself). Everything the library reads from an asset's file (its EXIF, its
 * bytes) goes through here.
 */
final class OriginalFiles {
    private final AlbumDirectory albums;

    OriginalFiles(AlbumDirectory albums) {
        this.albums = albums;
    }

    /** The row's own file when it passes the checks; empty when it is missing or not the asset's own. */
    Optional<Path> locate(AssetRow row) {
        Path file = pathOf(row);
        return describe(file).map(described -> file);
    }

    /**
     * The row's file described for serving to a scope, when it passes the checks: with its
     * location taken out when the scope does not see locations.
     */
    Optional<OriginalFile> original(AssetRow row, Scope scope) {
        Path file = pathOf(row);
        return describe(file)
                .map(described -> new OriginalFile(
                        row.publicId(),
                        row.filename(),
                        LibraryQueries.mimeTypeOf(row.format()),
                        file,
                        described,
                        LibraryQueries.formatOf(row.format()),
                        !scope.seesLocation()));
    }

    /**
     * A Live Photo's video described for serving to a scope that sees its photo, with the checks
     * of an original; named by the photo's id, since the video is no asset of its own.
     */
    Optional<OriginalFile> pairedVideo(PairedVideo video, Scope scope) {
        Path file = RawNames.path(albums.get(video.albumRowId()).folderPath() + video.filename());
        return describe(file)
                .map(described -> new OriginalFile(
                        video.photoPublicId(),
                        video.filename(),
                        LibraryQueries.mimeTypeOf(video.format()),
                        file,
                        described,
                        LibraryQueries.formatOf(video.format()),
                        !scope.seesLocation()));
    }

    /**
     * The MP4 inside a Motion Photo the scope sees, described for serving as a file of its own
     * (see {@link MotionPhotoVideo}); empty for any other row, or when the video cannot be found.
     */
    Optional<OriginalFile> embeddedVideo(AssetRow row, Scope scope) {
        if (!row.subtypes().contains(MediaSubtype.MOTION_PHOTO)) {
            return Optional.empty();
        }
        Path file = pathOf(row);
        return describe(file).flatMap(described -> MotionPhotoVideo.locate(file)
                .map(range -> OriginalFile.embeddedVideo(
                        row.publicId(),
                        LivePairs.baseName(row.filename()) + ".mp4",
                        file,
                        described,
                        range,
                        !scope.seesLocation())));
    }

    private Path pathOf(AssetRow row) {
        return RawNames.path(albums.get(row.albumRowId()).folderPath() + row.filename());
    }

    /** What a file is when it is a plain file in a folder reached without links; empty otherwise. */
    static Optional<Described> describe(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || !inRealFolder(file)) {
                return Optional.empty();
            }
            return Optional.of(Described.of(attributes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a described file: O_NOFOLLOW refuses a link put in its place, and the file must still
     * be what was described, in a folder reached without links.
     */
    static SeekableByteChannel open(Path file, Described described) throws IOException {
        Optional<Described> now = describe(file);
        if (now.isEmpty() || !now.get().equals(described)) {
            throw new NoSuchFileException(file.getFileName().toString(), null, "no longer the asset's file");
        }
        try {
            return Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            // ELOOP: a symbolic link took the file's place after the check.
            throw new NoSuchFileException(file.getFileName().toString(), null, "no longer the asset's file");
        }
    }

    private static boolean inRealFolder(Path file) throws IOException {
        Path folder = file.getParent();
        return folder != null && folder.toRealPath().equals(folder);
    }

    /** A file's size, time and identity when it was described, and the validator they give. */
    record Described(long size, long lastModifiedMillis, String etag) {
        static Described of(BasicFileAttributes attributes) {
            String identity =
                    attributes.size() + "/" + attributes.lastModifiedTime().toInstant() + "/" + attributes.fileKey();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                String etag = '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
                return new Described(
                        attributes.size(), attributes.lastModifiedTime().toMillis(), etag);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
