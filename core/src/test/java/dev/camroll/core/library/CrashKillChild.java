package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.RandomChoices;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The process {@link CrashKillTest} kills: opens a library and makes random writes until it is
 * killed. Before each call it logs {@code call <operation> <arguments>}, and once the call has
 * returned {@code done <operation> <results>}, each line forced to disk, so that the test knows
 * which writes completed and which one was in flight.
 *
 * <p>Arguments: {@value #WRITE} or {@value #OPEN} (only open and close the library: the test
 * kills that too, during reconciliation and scan), library root, log file, seed, folder with
 * {@code big.bmp} and {@code small.jpg}.
 */
public final class CrashKillChild {
    static final String DEFAULT_ALBUM = LibraryFolders.DEFAULT_ALBUM;
    static final String WRITE = "write";
    static final String OPEN = "open";

    /** A bound in case the test never kills this process. */
    private static final long MAX_RUN_NANOS = 120_000_000_000L;

    private final MediaLibrary library;
    private final FileChannel log;
    private final Random random;
    private final byte[] big;
    private final byte[] small;
    private int created;

    private CrashKillChild(MediaLibrary library, FileChannel log, Random random, byte[] big, byte[] small) {
        this.library = library;
        this.log = log;
        this.random = random;
        this.big = big;
        this.small = small;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[1]);
        if (args[0].equals(OPEN)) {
            MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false)).close();
            return;
        }
        Path logFile = Path.of(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        Path sources = Path.of(args[4]);
        byte[] big = Files.readAllBytes(sources.resolve("big.bmp"));
        byte[] small = Files.readAllBytes(sources.resolve("small.jpg"));
        try (MediaLibrary library =
                        MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
                FileChannel log = FileChannel.open(
                        logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            System.out.println("ready");
            System.out.flush();
            CrashKillChild child = new CrashKillChild(library, log, random, big, small);
            long started = System.nanoTime();
            while (System.nanoTime() - started < MAX_RUN_NANOS) {
                child.step();
            }
        }
    }

    /** One random write, chosen among those the library's current state allows. */
    private void step() throws IOException {
        List<Asset> live = library.getAssets(EVERYTHING).assets();
        List<String> trashed = library.trashedAssets();
        List<Album> albums = library.getAlbums(false).stream()
                .filter(album -> album.assetCount() > 0)
                .toList();
        List<Album> others = albums.stream()
                .filter(album -> !album.title().equals(DEFAULT_ALBUM))
                .toList();
        int[] weights = {
            live.size() < 40 ? 30 : 3, // create
            live.isEmpty() ? 0 : live.size() < 40 ? 12 : 30, // delete
            trashed.isEmpty() ? 0 : 10, // restore
            trashed.size() > 15 ? 10 : trashed.isEmpty() ? 0 : 2, // purge
            live.isEmpty() ? 0 : 12, // favorite
            live.isEmpty() || others.size() >= 5 ? 0 : 4, // createAlbum
            live.isEmpty() || albums.isEmpty() ? 0 : 5, // add, copy
            live.isEmpty() || albums.isEmpty() ? 0 : 10, // add, move
            others.isEmpty() ? 0 : 8, // remove
            others.isEmpty() ? 0 : 2, // deleteAlbums
        };
        switch (RandomChoices.pick(random, weights)) {
            case 0 -> create(albums);
            case 1 -> delete(live);
            case 2 -> restore(trashed);
            case 3 -> purge();
            case 4 -> favorite(live);
            case 5 -> createAlbum(live);
            case 6 -> add(live, albums, true);
            case 7 -> add(live, albums, false);
            case 8 -> remove(live, others);
            default -> deleteAlbum(others);
        }
    }

    private void create(List<Album> albums) throws IOException {
        Album album = albums.isEmpty() || random.nextInt(3) == 0 ? null : albums.get(random.nextInt(albums.size()));
        String title = album == null ? DEFAULT_ALBUM : album.title();
        // A quarter of them a few MB, so that kills land in the copy; every file's content unique.
        boolean large = random.nextInt(4) == 0;
        byte[] bytes = (large ? big : small).clone();
        byte[] stamp = new byte[8];
        random.nextBytes(stamp);
        for (int i = 0; i < stamp.length; i++) {
            stamp[i] &= 0x7f; // never 0xFF, which would start a JPEG marker
        }
        System.arraycopy(stamp, 0, bytes, bytes.length - (large ? 64 : 4) - 8, 8);
        String name = "p" + (created++ % 12) + (large ? ".bmp" : ".jpg");
        log("call create " + title + " " + name);
        Asset asset = library.createAsset(AssetSource.bytes(name, bytes), album == null ? null : album.id());
        log("done create " + asset.id());
    }

    private void delete(List<Asset> live) throws IOException {
        List<String> ids =
                RandomChoices.some(random, live.stream().map(Asset::id).toList(), 3);
        log("call delete " + String.join(",", ids));
        library.deleteAssets(ids);
        log("done delete");
    }

    private void restore(List<String> trashed) throws IOException {
        List<String> ids = RandomChoices.some(random, trashed, 3);
        log("call restore " + String.join(",", ids));
        library.restoreAssets(ids);
        log("done restore");
    }

    private void purge() throws IOException {
        log("call purge");
        library.purgeTrash();
        log("done purge");
    }

    private void favorite(List<Asset> live) throws IOException {
        String id = live.get(random.nextInt(live.size())).id();
        boolean favorite = random.nextBoolean();
        log("call favorite " + id + " " + favorite);
        library.setFavorite(id, favorite);
        log("done favorite");
    }

    private void createAlbum(List<Asset> live) throws IOException {
        String title = "A" + (100_000 + random.nextInt(900_000));
        String id = live.get(random.nextInt(live.size())).id();
        boolean copy = random.nextBoolean();
        log("call album " + title + " " + (copy ? "copy" : "move") + " " + id);
        Album album = library.createAlbum(title, id, copy, null);
        log("done album " + (copy ? ids(newIn(album.id(), Set.of())) : "-"));
    }

    private void add(List<Asset> live, List<Album> albums, boolean copy) throws IOException {
        Album album = albums.get(random.nextInt(albums.size()));
        List<String> ids =
                RandomChoices.some(random, live.stream().map(Asset::id).toList(), copy ? 2 : 3);
        Set<String> before = copy ? idsIn(album.id()) : Set.of();
        log("call add " + album.title() + " " + (copy ? "copy" : "move") + " " + String.join(",", ids));
        library.addAssetsToAlbum(ids, album.id(), copy);
        log("done add " + (copy ? ids(newIn(album.id(), before)) : "-"));
    }

    private void remove(List<Asset> live, List<Album> others) throws IOException {
        Album album = others.get(random.nextInt(others.size()));
        List<String> inAlbum = live.stream()
                .filter(asset -> asset.albumId().equals(album.id()))
                .map(Asset::id)
                .toList();
        if (inAlbum.isEmpty()) {
            return;
        }
        List<String> ids = RandomChoices.some(random, inAlbum, 3);
        log("call remove " + album.title() + " " + String.join(",", ids));
        library.removeAssetsFromAlbum(ids, album.id());
        log("done remove");
    }

    private void deleteAlbum(List<Album> others) throws IOException {
        Album album = others.get(random.nextInt(others.size()));
        boolean assetRemove = random.nextBoolean();
        log("call deleteAlbum " + album.title() + " " + (assetRemove ? "trash" : "keep"));
        library.deleteAlbums(List.of(album.id()), assetRemove);
        log("done deleteAlbum");
    }

    private Set<String> idsIn(String albumId) {
        Set<String> ids = new HashSet<>();
        for (Asset asset :
                library.getAssets(EVERYTHING.toBuilder().album(albumId).build()).assets()) {
            ids.add(asset.id());
        }
        return ids;
    }

    private List<String> newIn(String albumId, Set<String> before) {
        List<String> added = new ArrayList<>(idsIn(albumId));
        added.removeAll(before);
        return added;
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }

    private void log(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            log.write(bytes);
        }
        log.force(false);
    }
}
