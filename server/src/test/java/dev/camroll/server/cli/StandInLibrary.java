package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.Location;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A small library in memory, so that the commands can be tested without the engine: newest
 * first, paged by asset id, and it remembers how it was opened.
 */
final class StandInLibrary implements MediaLibrary {

    static final long MAY_1_2024_UTC = 1_714_521_600_000L;

    final List<Asset> assets = new ArrayList<>();
    final List<AssetQuery> queries = new ArrayList<>();
    LibraryOptions openedWith;
    ScanReport report = new ScanReport(3, 1, 0, 5, List.of(), 1500);
    RuntimeException failure;

    StandInLibrary() {
        for (int i = 1; i <= 5; i++) {
            assets.add(new Asset(
                    "p" + i,
                    "IMG_000" + i + ".jpg",
                    "file:///lib/2024/IMG_000" + i + ".jpg",
                    MediaType.PHOTO,
                    i == 5 ? List.of(MediaSubtype.SCREENSHOT) : List.of(),
                    4032,
                    3024,
                    MAY_1_2024_UTC + i * 3_600_000L,
                    MAY_1_2024_UTC + i * 3_600_000L,
                    0,
                    "a2024"));
        }
        assets.add(new Asset(
                "v1",
                "clip.mp4",
                "file:///lib/2024/clip.mp4",
                MediaType.VIDEO,
                List.of(),
                1920,
                1080,
                MAY_1_2024_UTC,
                MAY_1_2024_UTC,
                83.4,
                "a2024"));
    }

    LibraryOpener opener() {
        return (Path root, LibraryOptions options) -> {
            openedWith = options;
            return this;
        };
    }

    @Override
    public AssetPage getAssets(AssetQuery query) {
        fail();
        queries.add(query);
        List<Asset> matching = assets.stream()
                .filter(asset -> query.mediaTypes().contains(asset.mediaType()))
                .filter(asset -> query.createdAfter() == null || asset.creationTime() > query.createdAfter())
                .filter(asset -> query.createdBefore() == null || asset.creationTime() < query.createdBefore())
                .sorted(Comparator.comparingLong(Asset::creationTime).reversed())
                .toList();
        int start = 0;
        if (query.after() != null) {
            start = matching.stream().map(Asset::id).toList().indexOf(query.after()) + 1;
        }
        List<Asset> page = matching.subList(start, Math.min(matching.size(), start + query.first()));
        String endCursor = page.isEmpty() ? null : page.getLast().id();
        return new AssetPage(page, endCursor, start + page.size() < matching.size(), matching.size());
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        fail();
        return assets.stream()
                .filter(asset -> asset.id().equals(id))
                .findFirst()
                .map(asset -> new AssetInfo(
                        asset,
                        Map.of("Exif IFD0", Map.of("Make", "Canon", "Model", "Canon EOS R5")),
                        new Location(48.8584, 2.2945),
                        asset.uri(),
                        1,
                        false,
                        false,
                        "image/jpeg",
                        2_500_000,
                        "Canon",
                        "Canon EOS R5"))
                .orElse(null);
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        fail();
        List<Album> albums = new ArrayList<>(List.of(new Album("a2024", "2024", 6, AlbumType.ALBUM)));
        if (includeSmartAlbums) {
            albums.add(new Album("screenshots", "Screenshots", 1, AlbumType.SMART));
        }
        return albums;
    }

    @Override
    public Album getAlbum(String title) {
        return getAlbums(false).stream()
                .filter(album -> album.title().equals(title))
                .findFirst()
                .orElse(null);
    }

    @Override
    public ScanReport scan(ScanProgress progress) {
        fail();
        progress.started(report.added() + report.changed());
        progress.finished(report);
        return report;
    }

    ScanReport withWarnings() {
        report = new ScanReport(
                2,
                0,
                1,
                0,
                List.of(
                        new ScanWarning("2024/broken.jpg", "truncated JPEG", true),
                        new ScanWarning("notes/empty.mp4", "no media stream", false)),
                250);
        return report;
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {}
}
