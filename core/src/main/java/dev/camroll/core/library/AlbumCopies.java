package dev.camroll.core.library;

import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.Scope;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.LivePairs;
import dev.camroll.core.store.PairOnInsert;
import dev.camroll.core.store.PairedVideo;
import dev.camroll.core.store.WriteStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies of assets into an album (addAssetsToAlbum and createAlbum with copy), Live Photos whole. */
final class AlbumCopies {
    private final WriteStore store;
    private final LibraryFolders folders;
    private final AssetCreation creation;

    AlbumCopies(WriteStore store, LibraryFolders folders, AssetCreation creation) {
        this.store = store;
        this.folders = folders;
        this.creation = creation;
    }

    /**
     * Copies of assets in an album's folder: new assets, new ids. All or nothing: when one copy
     * fails (its original vanished on disk, the disk is full), the copies already made are removed
     * again, files first, so that a crash in between leaves rows without files, which the scan drops.
     */
    void copyInto(Scope scope, List<String> ids, AlbumRow album) {
        List<AssetRow> copies = new ArrayList<>();
        List<AssetRow> videoCopies = new ArrayList<>();
        boolean done = false;
        try {
            for (String id : ids) {
                Path file = folders.pathOf(scope, id).orElseThrow(() -> new NotFoundException("asset", List.of(id)));
                // A Live Photo's video is copied after its photo, named after the photo's copy
                // and paired with it in the transaction that indexes it.
                List<PairedVideo> videos = store.livePairs().videosOf(List.of(id)).stream()
                        .filter(video -> Files.exists(videoFile(video), LinkOption.NOFOLLOW_LINKS))
                        .toList();
                AssetRow copy = creation.copyInFolder(
                        scope,
                        file,
                        album.relPath(),
                        null,
                        videos.isEmpty() ? PairOnInsert.BY_RULES : PairOnInsert.NONE);
                copies.add(copy);
                for (PairedVideo video : videos) {
                    String wanted = LivePairs.baseName(copy.filename())
                            + video.filename()
                                    .substring(
                                            LivePairs.baseName(video.filename()).length());
                    videoCopies.add(creation.copyInFolder(
                            scope,
                            videoFile(video),
                            album.relPath(),
                            wanted,
                            new PairOnInsert.WithPhoto(copy.publicId())));
                }
            }
            done = true;
        } finally {
            if (!done) {
                Path folder = folders.folderOf(album.relPath());
                for (AssetRow copy : copies) {
                    FilePlacement.deleteQuietly(RawNames.resolve(folder, copy.filename()));
                }
                for (AssetRow copy : videoCopies) {
                    FilePlacement.deleteQuietly(RawNames.resolve(folder, copy.filename()));
                }
                FilePlacement.syncFolder(folder);
                store.livePairs()
                        .forget(videoCopies.stream().map(AssetRow::publicId).toList());
                store.discard(scope, copies.stream().map(AssetRow::publicId).toList());
            }
        }
    }

    private Path videoFile(PairedVideo video) {
        return RawNames.resolve(folders.folderOf(video.relPath()), video.filename());
    }
}
