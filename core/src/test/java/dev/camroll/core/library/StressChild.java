package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.core.testing.CallLog;
import dev.camroll.core.testing.RandomChoices;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A process of {@link MultiProcessStressTest} that uses the embedded API: opens the library (with
 * the folder watcher on or off) and makes random calls until its deadline or a SIGKILL: imports,
 * deletes, restores, album creates, moves and copies, removes from albums, favorites, scans and
 * queries. Every call is logged before it starts and after it returns ({@link CallLog}); an error
 * (another process may have deleted the asset meanwhile) is logged and the next call made.
 *
 * <p>Arguments: library root, log file, seed, folder of pending imports, folder of claimed ones,
 * {@code watch} or {@code nowatch}, deadline in epoch milliseconds, a tag for album names.
 */
public final class StressChild {
    static final String READY = "ready";
    /** The exit code when the library did not open (the error is in the log). */
    static final int OPEN_FAILED = 3;

    private static final int MOST_FAILURES_IN_A_ROW = 30;
    private static final int MOST_ALBUMS = 8;

    private final Path root;
    private final LibraryOptions options;
    private final CallLog log;
    private final Random random;
    private final Path pending;
    private final Path claimed;
    private final String tag;
    /** Closed and opened again now and then, as each command of the command line opens it. */
    private MediaLibrary library;

    private int albumsMade;
    private String inFlight = "-";

    private StressChild(
            Path root, LibraryOptions options, CallLog log, Random random, Path pending, Path claimed, String tag) {
        this.root = root;
        this.options = options;
        this.log = log;
        this.random = random;
        this.pending = pending;
        this.claimed = claimed;
        this.tag = tag;
    }

    public static void main(String[] args) throws IOException {
        LibraryOptions options = LibraryOptions.defaults().withWatch(args[5].equals("watch"));
        long deadline = Long.parseLong(args[6]);
        try (CallLog log = CallLog.open(Path.of(args[1]))) {
            StressChild child = new StressChild(
                    Path.of(args[0]),
                    options,
                    log,
                    new Random(Long.parseLong(args[2])),
                    Path.of(args[3]),
                    Path.of(args[4]),
                    args[7]);
            child.open();
            System.out.println(READY);
            System.out.flush();
            int failuresInARow = 0;
            while (System.currentTimeMillis() < deadline && failuresInARow < MOST_FAILURES_IN_A_ROW) {
                failuresInARow = child.step() ? 0 : failuresInARow + 1;
            }
            child.close();
        }
    }

    /**
     * Opens the library (which reconciles what other processes left and scans); when it does not
     * open (another process's scan, say), the error is logged and the process ends: the run
     * starts another one.
     */
    private void open() throws IOException {
        call("open", options.watch() ? "watch" : "nowatch");
        try {
            library = MediaLibrary.open(root, options);
        } catch (CamrollException e) {
            log.fail("open", e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(OPEN_FAILED);
        }
        log.done("open", List.of());
    }

    private void close() throws IOException {
        call("close", "-");
        library.close();
        log.done("close", List.of());
    }

    /** One random call; false when it failed. */
    private boolean step() throws IOException {
        inFlight = "state"; // the queries that choose the call
        try {
            List<Asset> live = library.getAssets(EVERYTHING).assets();
            List<String> trashed = library.trashedAssets();
            List<Album> albums = library.getAlbums(false).stream()
                    .filter(album -> album.type() == AlbumType.ALBUM)
                    .toList();
            int[] weights = {
                20, // import
                live.isEmpty() ? 0 : 12, // delete
                trashed.isEmpty() ? 0 : 10, // restore
                live.isEmpty() || albumsMade >= MOST_ALBUMS ? 0 : 3, // create an album
                live.isEmpty() || albums.isEmpty() ? 0 : 10, // move into an album
                live.isEmpty() || albums.isEmpty() ? 0 : 3, // copy into an album
                live.isEmpty() || albums.isEmpty() ? 0 : 5, // remove from an album
                albums.size() < 4 ? 0 : 1, // delete an album
                live.isEmpty() ? 0 : 5, // favorite
                3, // scan
                8, // query
                5, // close and open again
            };
            switch (RandomChoices.pick(random, weights)) {
                case 0 -> importOne(albums);
                case 1 -> delete(live);
                case 2 -> restore(trashed);
                case 3 -> createAlbum(live);
                case 4 -> add(live, albums, false);
                case 5 -> add(live, albums, true);
                case 6 -> remove(live, albums);
                case 7 -> deleteAlbum(albums);
                case 8 -> favorite(live);
                case 9 -> scan();
                case 10 -> query();
                default -> {
                    close();
                    open();
                }
            }
            return true;
        } catch (CamrollException e) {
            log.fail(inFlight, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.fail(inFlight, "UNEXPECTED " + e + " at " + firstFrames(e));
        }
        return false;
    }

    private void importOne(List<Album> albums) throws IOException {
        Path file = StressFiles.claim(pending, claimed, random);
        if (file == null) {
            return;
        }
        Album album = albums.isEmpty() || random.nextBoolean() ? null : albums.get(random.nextInt(albums.size()));
        call("import", (album == null ? "-" : album.id()) + " " + StressFiles.hashOrUnknown(file) + " " + file);
        Asset asset = library.createAsset(AssetSource.file(file), album == null ? null : album.id());
        log.done("import", List.of(asset.id()));
    }

    private void delete(List<Asset> live) throws IOException {
        List<String> ids = RandomChoices.some(random, ids(live), 3);
        call("delete", String.join(",", ids));
        library.deleteAssets(ids);
        log.done("delete", ids);
    }

    private void restore(List<String> trashed) throws IOException {
        List<String> ids = RandomChoices.some(random, trashed, 3);
        call("restore", String.join(",", ids));
        library.restoreAssets(ids);
        log.done("restore", ids);
    }

    private void createAlbum(List<Asset> live) throws IOException {
        String title = "E" + tag + "-" + albumsMade++;
        Asset asset = live.get(random.nextInt(live.size()));
        boolean copy = random.nextInt(3) == 0;
        call(copy ? "copy" : "move", "new:" + title + " " + withHashes(List.of(asset)));
        library.createAlbum(title, asset.id(), copy, null);
        log.done(copy ? "copy" : "move", copy ? List.of() : List.of(asset.id()));
    }

    private void add(List<Asset> live, List<Album> albums, boolean copy) throws IOException {
        Album album = albums.get(random.nextInt(albums.size()));
        List<Asset> chosen = someAssets(live, copy ? 2 : 3);
        call(copy ? "copy" : "move", album.id() + " " + withHashes(chosen));
        library.addAssetsToAlbum(ids(chosen), album.id(), copy);
        log.done(copy ? "copy" : "move", copy ? List.of() : ids(chosen));
    }

    private void remove(List<Asset> live, List<Album> albums) throws IOException {
        Album album = albums.get(random.nextInt(albums.size()));
        if (album.title().equals(LibraryFolders.DEFAULT_ALBUM)) {
            return; // where removed assets go: refused, as it should be
        }
        List<Asset> inAlbum = live.stream()
                .filter(asset -> album.id().equals(asset.albumId()))
                .toList();
        if (inAlbum.isEmpty()) {
            return;
        }
        List<String> ids = RandomChoices.some(random, ids(inAlbum), 3);
        call("remove", album.id() + " " + String.join(",", ids));
        library.removeAssetsFromAlbum(ids, album.id());
        log.done("remove", ids);
    }

    private void deleteAlbum(List<Album> albums) throws IOException {
        Album album = albums.get(random.nextInt(albums.size()));
        if (album.title().equals(LibraryFolders.DEFAULT_ALBUM)) {
            return;
        }
        boolean trash = random.nextBoolean();
        call("deleteAlbum", album.id() + " " + album.title() + " " + (trash ? "trash" : "keep"));
        library.deleteAlbums(List.of(album.id()), trash);
        log.done("deleteAlbum", List.of());
    }

    private void favorite(List<Asset> live) throws IOException {
        String id = live.get(random.nextInt(live.size())).id();
        boolean favorite = random.nextBoolean();
        call("favorite", id + " " + favorite);
        library.setFavorite(id, favorite);
        log.done("favorite", List.of(id));
    }

    private void scan() throws IOException {
        call("scan", "-");
        library.scan(ScanProgress.NONE);
        log.done("scan", List.of());
    }

    private void query() throws IOException {
        call("query", "-");
        List<String> ids = new ArrayList<>(ids(library.getAssets(EVERYTHING).assets()));
        ids.addAll(library.trashedAssets());
        log.done("query", ids);
    }

    private void call(String operation, String arguments) throws IOException {
        inFlight = operation;
        log.call(operation, arguments);
    }

    /** {@code id:hash,...}: the content each asset has as far as its file can be read now. */
    private static String withHashes(List<Asset> assets) {
        return assets.stream()
                .map(asset -> asset.id() + ":" + StressFiles.hashOrUnknown(Path.of(URI.create(asset.uri()))))
                .collect(Collectors.joining(","));
    }

    private static List<String> ids(List<Asset> assets) {
        return assets.stream().map(Asset::id).toList();
    }

    private List<Asset> someAssets(List<Asset> from, int most) {
        List<Asset> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(Math.min(most, shuffled.size()))));
    }

    private static String firstFrames(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return List.of(frames).subList(0, Math.min(3, frames.length)).toString();
    }
}
