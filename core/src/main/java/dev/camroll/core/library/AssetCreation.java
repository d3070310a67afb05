package dev.camroll.core.library;

import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.scan.AssetRecords;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.PairOnInsert;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * New files: checked before anything is written, written flushed to a hidden temporary file,
 * probed as the scan would, placed under a free name without replacing a file, then indexed in one
 * transaction; see ARCHITECTURE.md.
 */
final class AssetCreation {
    private final LibraryFolders folders;
    private final WriteStore store;
    private final MediaProbe probe;
    private final FileSources fileSources;
    private final WriteLock lock;

    AssetCreation(LibraryFolders folders, WriteStore store, MediaProbe probe, FileSources fileSources, WriteLock lock) {
        this.folders = folders;
        this.store = store;
        this.probe = probe;
        this.fileSources = fileSources;
        this.lock = lock;
    }

    /** Refuses a source the scope may not name (see {@link FileSources}). */
    void checkSource(Scope scope, AssetSource source) {
        fileSources.check(scope, source);
    }

    /** Stores and indexes a new file in an album the scope sees (null: the default); returns its row. */
    AssetRow create(Scope scope, AssetSource source, String albumId) {
        if (source == null) {
            throw InvalidArgumentException.of("source", "source: missing");
        }
        return createIn(scope, source, () -> folders.targetFolder(scope, albumId), null, PairOnInsert.BY_RULES);
    }

    /**
     * Stores and indexes a new file in a folder the caller has resolved already: an album it has
     * just made (createAlbum with a first file or a copy), which a scope that sees only some albums
     * does not see before the file is in it, or one it looked up through the scope itself.
     */
    AssetRow createInFolder(Scope scope, AssetSource source, String relPath) {
        return createIn(scope, source, () -> relPath, null, PairOnInsert.BY_RULES);
    }

    /**
     * A copy of a file in a folder the caller has resolved, under {@code name} (null: the file's
     * own) or a free name after it, taking part in Live Photo pairs as {@code pairing} says: a
     * Live Photo's copy is its photo's copy, not paired by the rules, and its video's copy,
     * paired with the photo's copy in the transaction that indexes it.
     */
    AssetRow copyInFolder(Scope scope, Path file, String relPath, String name, PairOnInsert pairing) {
        return createIn(scope, AssetSource.file(file), () -> relPath, name, pairing);
    }

    private AssetRow createIn(
            Scope scope,
            AssetSource source,
            java.util.function.Supplier<String> target,
            String wantedName,
            PairOnInsert pairing) {
        // A Live Photo's video is no asset a scope could name; whoever sees its photo, whose copy
        // it joins and whose file passed this check, sees it.
        if (!(pairing instanceof PairOnInsert.WithPhoto)) {
            fileSources.check(scope, source);
        }
        // A file's own name keeps bytes that are not UTF-8; the API's string would not.
        String name = wantedName != null
                ? wantedName
                : source instanceof AssetSource.FromFile(Path path) && path.getFileName() != null
                        ? RawNames.nameOf(path)
                        : source.fileName();
        MediaFormat claimed = FileNames.checkMediaName(name);
        String relPath = target.get();
        byte[] header = checkContent(source, name, claimed);

        Path folder = folders.folderOf(relPath);
        Path temp = null;
        Path placed = null;
        try {
            Files.createDirectories(folder);
            temp = FilePlacement.tempIn(folder, FileNames.extension(name));
            writeFlushed(source, header, name, temp);
            MediaFacts facts = facts(temp, name, claimed);
            AlbumRow album = store.folder(relPath, folders.titleOf(relPath));
            // The placement and its row under the write lock: no other process's scan writes a
            // row of its own for the file in between, nor does a restore of another process
            // give its name to an asset whose file is still in the trash (see WriteLock).
            try (WriteLock.Held held = lock.hold()) {
                placed = folders.placeUnderFreeName(temp, folder, album, name, 0);
                temp = null;
                for (int attempt = 1; ; attempt++) {
                    BasicFileAttributes attributes = Files.readAttributes(placed, BasicFileAttributes.class);
                    Optional<AssetRow> row = store.insert(
                            scope,
                            AssetRecords.of(
                                    facts,
                                    album.rowId(),
                                    RawNames.nameOf(placed),
                                    attributes.size(),
                                    attributes.lastModifiedTime().toMillis()),
                            pairing);
                    if (row.isPresent()) {
                        folders.releaseName(placed);
                        placed = null;
                        return row.get();
                    }
                    // A row of another file holds the name (its file gone from disk, and no scan
                    // has seen that yet): the next name.
                    Path next = folders.placeUnderFreeName(placed, folder, album, name, attempt);
                    folders.releaseName(placed);
                    placed = next;
                }
            }
        } catch (IOException e) {
            throw new WriteException("cannot write " + name + " to " + folder + ": " + e.getMessage(), e);
        } finally {
            // Anything not handed over to the index is removed: nothing half-written stays.
            FilePlacement.deleteQuietly(temp);
            FilePlacement.deleteQuietly(placed);
            folders.releaseName(placed);
        }
    }

    /**
     * Refuses content that is not media, or not the media its name says, before anything is written.
     * Returns the head it read: a stream's first bytes are read once, here, and written first.
     */
    private static byte[] checkContent(AssetSource source, String name, MediaFormat claimed) {
        byte[] header =
                switch (source) {
                    case AssetSource.FromBytes(String ignored, byte[] bytes) ->
                        Arrays.copyOf(bytes, Math.min(bytes.length, MediaProbe.SNIFF_BYTES));
                    case AssetSource.FromFile(Path path) -> {
                        if (!Files.isRegularFile(path)) {
                            throw InvalidArgumentException.of("source", path + ": no such file");
                        }
                        try (InputStream in = Files.newInputStream(path)) {
                            yield in.readNBytes(MediaProbe.SNIFF_BYTES);
                        } catch (IOException e) {
                            throw InvalidArgumentException.of("source", path + ": cannot be read: " + e.getMessage());
                        }
                    }
                    case AssetSource.FromStream stream -> StreamCopy.head(stream, name);
                };
        String says = "the name says " + FileNames.extension(name);
        if (header.length == 0) {
            throw InvalidArgumentException.notMedia(name, name + ": is empty, but " + says);
        }
        MediaFormat actual = MediaProbe.sniff(Arrays.copyOf(header, MediaProbe.SNIFF_BYTES), header.length);
        if (actual == null) {
            throw InvalidArgumentException.notMedia(
                    name, name + ": content is not a media format Camroll knows, but " + says);
        }
        if (!FileNames.contentFits(actual, claimed)) {
            throw InvalidArgumentException.notMedia(name, name + ": content is " + actual.name() + " but " + says);
        }
        return header;
    }

    private static void writeFlushed(AssetSource source, byte[] header, String name, Path temp) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            switch (source) {
                case AssetSource.FromBytes(String ignored, byte[] bytes) -> writeFully(out, ByteBuffer.wrap(bytes));
                case AssetSource.FromFile(Path path) -> {
                    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
                        long size = in.size();
                        long done = 0;
                        while (done < size) {
                            long n = in.transferTo(done, size - done, out);
                            if (n <= 0) {
                                break;
                            }
                            done += n;
                        }
                    }
                }
                case AssetSource.FromStream stream -> {
                    writeFully(out, ByteBuffer.wrap(header));
                    StreamCopy.rest(stream, name, header.length, out);
                }
            }
            out.force(true);
        }
    }

    static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Reads the written file as the scan would; it must still be the media its name says. */
    private MediaFacts facts(Path written, String name, MediaFormat claimed) {
        return switch (probe.probe(written)) {
            case ProbeOutcome.Media(MediaFacts facts) -> {
                if (!FileNames.contentFits(facts.format(), claimed)) {
                    throw InvalidArgumentException.notMedia(
                            name,
                            name + ": content is " + facts.format().name() + " but the name says "
                                    + FileNames.extension(name));
                }
                yield facts;
            }
            case ProbeOutcome.NotMedia(String warning) ->
                throw InvalidArgumentException.notMedia(
                        name, name + ": " + (warning == null ? "is not media" : warning));
        };
    }
}
