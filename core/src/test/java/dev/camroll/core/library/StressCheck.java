package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.testing.CallLog.Line;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The library after a stress run, all processes stopped, opened once more (which reconciles and
 * scans) and held against the logs ({@link StressLedger}): every photo that must survive is byte
 * for byte in the folder tree or in the trash; every file of the tree has exactly one row and
 * every row its file; every trash file is a trashed asset and every trashed asset has its file;
 * no file holds a content more often than the copies asked allow; no temporary file is left;
 * every id a process reported is an asset or in the trash (nothing is purged in these runs);
 * every Live Photo is whole, its still and its MOV together in the tree or in the trash.
 */
public final class StressCheck {
    private static final int HISTORY_LINES = 25;

    /** The problems found (empty when the library is whole) and a summary of the run. */
    public record Report(long seed, List<String> problems, String summary) {
        public String failureMessage() {
            return "seed " + seed + " (rerun with -Dcamroll.stress.seed=" + seed + "): " + problems.size()
                    + " problem(s)\n" + String.join("\n", problems.subList(0, Math.min(problems.size(), 20)))
                    + "\n" + summary;
        }
    }

    private final StressLedger ledger;
    private final Map<String, String> known;
    private final Map<String, String> liveVideos;
    private final List<String> problems = new ArrayList<>();

    private StressCheck(StressLedger ledger, Map<String, String> known, Map<String, String> liveVideos) {
        this.ledger = ledger;
        this.known = known;
        this.liveVideos = liveVideos;
    }

    static Report check(StressRun run, List<String> crashes) throws IOException {
        StressLedger ledger = StressLedger.read(run.logs());
        StressCheck check =
                new StressCheck(ledger, run.files().known(), run.files().liveVideos());
        crashes.forEach(crash -> check.problems.add("PROCESS " + crash));
        String found = check.library(run.root());
        String summary = "seed " + run.seed() + ", " + run.kills() + " kills; " + found + "\n" + ledger.summary();
        return new Report(run.seed(), check.problems, summary);
    }

    /** Opens the library, checks it, and says what it holds. */
    private String library(Path root) throws IOException {
        Path realRoot = root.toRealPath();
        Path dataDir = realRoot.resolve(".camroll");
        List<Asset> live;
        List<String> trashed;
        Map<String, String> pairedVideoUris = new HashMap<>();
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            live = library.getAssets(EVERYTHING).assets();
            trashed = library.trashedAssets();
            for (Asset asset : live) {
                String uri = library.getAssetInfo(asset.id()).pairedVideoUri();
                if (uri != null) {
                    pairedVideoUris.put(asset.id(), uri);
                }
            }
        } catch (RuntimeException e) {
            problems.add("OPEN the library does not open once every process stopped: " + e);
            return "library not opened";
        }
        for (Path temp : tempFiles(realRoot)) {
            problems.add("TEMPORARY file left: " + realRoot.relativize(temp));
        }
        List<Path> tree = mediaFiles(realRoot, dataDir);
        Map<Path, String> treeFiles =
                hashes(tree.stream().filter(file -> !isVideo(file)).toList());
        Map<Path, String> treeVideos =
                hashes(tree.stream().filter(StressCheck::isVideo).toList());
        Map<Path, String> trashFiles = hashes(trashMedia(dataDir.resolve(TrashFolder.NAME), ".jpg", ".bmp"));
        Map<Path, String> trashVideos = hashes(trashMedia(dataDir.resolve(TrashFolder.NAME), ".mov"));
        livePhotos(live, pairedVideoUris, treeFiles, treeVideos, trashFiles, trashVideos, realRoot);
        rowsAndFiles(live, treeFiles, realRoot);
        trashAndRows(trashed, trashFiles, live);
        contents(treeFiles, trashFiles, realRoot);
        ids(live, trashed, holders(live, treeFiles, trashFiles));
        return live.size() + " assets, " + trashed.size() + " trashed, " + treeFiles.size() + " files in the tree, "
                + trashFiles.size() + " in the trash";
    }

    /**
     * Every Live Photo is whole: a listed still has its own MOV paired, beside it in the tree; no
     * MOV is listed as an asset or lies in the tree without its still; the trash holds as many
     * MOVs of a pair as stills of it (one trashed with each). One exception, the documented
     * outcome of a kill: a copy killed between the copy of a still and the copy of its MOV leaves
     * the still's copy without a video (the original pair stays whole), so as many stills without
     * their MOV as copies were killed are let pass, no more.
     */
    private void livePhotos(
            List<Asset> live,
            Map<String, String> pairedVideoUris,
            Map<Path, String> treeFiles,
            Map<Path, String> treeVideos,
            Map<Path, String> trashFiles,
            Map<Path, String> trashVideos,
            Path realRoot) {
        Set<Path> pairedFiles = new HashSet<>();
        int[] splitsLeft = {ledger.unfinished("copy")};
        for (Asset asset : live) {
            if (isVideo(fileOf(asset))) {
                problems.add("LIVE PHOTO VIDEO LISTED as an asset of its own: " + asset.id() + " at "
                        + realRoot.relativize(fileOf(asset)) + "\n" + ledger.history(Set.of(asset.id()), 10));
                continue;
            }
            String still = treeFiles.get(fileOf(asset));
            String uri = pairedVideoUris.get(asset.id());
            if (still == null || !liveVideos.containsKey(still)) {
                if (uri != null) {
                    problems.add("PAIRED VIDEO of a photo that is no Live Photo: " + asset.id() + " " + uri);
                }
                continue;
            }
            Path video = uri == null ? null : fileOf(uri);
            if (uri == null && splitsLeft[0] > 0) {
                splitsLeft[0]--; // the copy of a killed copy call
                continue;
            }
            if (video == null || !liveVideos.get(still).equals(treeVideos.get(video))) {
                problems.add("SPLIT LIVE PHOTO " + asset.id() + " at " + realRoot.relativize(fileOf(asset))
                        + ": its video is "
                        + (uri == null ? "not paired" : uri + " (content " + treeVideos.get(video) + ")")
                        + "\n" + ledger.history(Set.of(asset.id()), 10));
            } else if (!video.getParent().equals(fileOf(asset).getParent())) {
                problems.add("LIVE PHOTO APART " + asset.id() + ": its video " + uri + " is in another folder");
            }
            if (video != null) {
                pairedFiles.add(video);
            }
        }
        treeVideos.forEach((file, hash) -> {
            if (!pairedFiles.contains(file)) {
                problems.add("VIDEO WITHOUT ITS PHOTO in the tree: " + realRoot.relativize(file) + " (content " + hash
                        + ")");
            }
        });
        Map<String, Integer> trashedVideos = new HashMap<>();
        trashVideos.values().forEach(hash -> trashedVideos.merge(hash, 1, Integer::sum));
        Map<String, Integer> trashedStills = new HashMap<>();
        trashFiles.values().stream()
                .filter(liveVideos::containsKey)
                .forEach(hash -> trashedStills.merge(liveVideos.get(hash), 1, Integer::sum));
        int stillsAlone = 0;
        boolean moreVideos = false;
        for (String hash : union(trashedVideos.keySet(), trashedStills.keySet())) {
            int difference = trashedStills.getOrDefault(hash, 0) - trashedVideos.getOrDefault(hash, 0);
            stillsAlone += Math.max(0, difference);
            moreVideos |= difference < 0;
        }
        if (moreVideos || stillsAlone > splitsLeft[0]) {
            problems.add("SPLIT LIVE PHOTO IN THE TRASH: MOVs by content " + trashedVideos + ", their stills' "
                    + trashedStills);
        }
    }

    /** Every media file of the tree has exactly one row, every row its file. */
    private void rowsAndFiles(List<Asset> live, Map<Path, String> treeFiles, Path realRoot) {
        Map<Path, List<String>> rowsByFile = new HashMap<>();
        for (Asset asset : live) {
            rowsByFile.computeIfAbsent(fileOf(asset), file -> new ArrayList<>()).add(asset.id());
        }
        rowsByFile.forEach((file, ids) -> {
            if (!treeFiles.containsKey(file)) {
                problems.add("ROW WITHOUT FILE " + ids + " names " + file + "\n" + ledger.history(Set.copyOf(ids), 10));
            } else if (ids.size() > 1) {
                problems.add("ROWS " + ids + " for one file " + realRoot.relativize(file) + "\n"
                        + ledger.history(Set.copyOf(ids), 10));
            }
        });
        treeFiles.forEach((file, hash) -> {
            if (!rowsByFile.containsKey(file)) {
                problems.add("FILE WITHOUT ROW " + realRoot.relativize(file) + " (content " + hash
                        + ", ids that held it " + ledger.idsOf(hash) + ")\n" + ledger.history(ledger.idsOf(hash), 10));
            }
        });
    }

    /** Every trash file is a trashed asset, every trashed asset has its file, none is also live. */
    private void trashAndRows(List<String> trashed, Map<Path, String> trashFiles, List<Asset> live) {
        Map<String, Path> fileById = new HashMap<>();
        trashFiles.keySet().forEach(file -> fileById.put(idOf(file), file));
        Set<String> liveIds = new HashSet<>();
        live.forEach(asset -> liveIds.add(asset.id()));
        for (String id : trashed) {
            if (!fileById.containsKey(id)) {
                problems.add("TRASHED WITHOUT FILE " + id + "\n" + ledger.history(Set.of(id), 10));
            }
            if (liveIds.contains(id)) {
                problems.add("BOTH LIVE AND TRASHED " + id + "\n" + ledger.history(Set.of(id), 10));
            }
        }
        Set<String> trashedIds = Set.copyOf(trashed);
        fileById.forEach((id, file) -> {
            if (!trashedIds.contains(id)) {
                problems.add("TRASH FILE WITHOUT ROW " + file.getFileName() + "\n" + ledger.history(Set.of(id), 10));
            }
        });
    }

    /** Each content is one of the run's photos, each photo that must survive is there, none too often. */
    private void contents(Map<Path, String> treeFiles, Map<Path, String> trashFiles, Path realRoot) {
        Map<String, List<String>> placesByContent = new HashMap<>();
        treeFiles.forEach((file, hash) -> placesByContent
                .computeIfAbsent(hash, h -> new ArrayList<>())
                .add(realRoot.relativize(file).toString()));
        trashFiles.forEach((file, hash) ->
                placesByContent.computeIfAbsent(hash, h -> new ArrayList<>()).add("trash/" + file.getFileName()));
        placesByContent.forEach((hash, places) -> {
            if (!known.containsKey(hash)) {
                problems.add("UNKNOWN CONTENT (a partial file?) at " + places);
            } else if (places.size() > ledger.mostFiles(hash)) {
                problems.add("DUPLICATE content " + hash + " (" + known.get(hash) + ") at " + places + ", at most "
                        + ledger.mostFiles(hash) + " allowed by the copies asked; ids that held it "
                        + ledger.idsOf(hash) + "\n" + ledger.history(ledger.idsOf(hash), HISTORY_LINES));
            }
        });
        ledger.mustSurvive().forEach((hash, what) -> {
            if (!placesByContent.containsKey(hash)) {
                problems.add("LOST photo " + what + " (content " + hash + "): neither in the tree nor in the trash;"
                        + " ids that held it " + ledger.idsOf(hash) + "\n"
                        + ledger.history(ledger.idsOf(hash), HISTORY_LINES));
            }
        });
    }

    /** For each content, the ids that hold it now: assets by their file, trashed ones by theirs. */
    private static Map<String, List<String>> holders(
            List<Asset> live, Map<Path, String> treeFiles, Map<Path, String> trashFiles) {
        Map<String, List<String>> holders = new HashMap<>();
        for (Asset asset : live) {
            String hash = treeFiles.getOrDefault(fileOf(asset), "?");
            holders.computeIfAbsent(hash, h -> new ArrayList<>()).add(asset.id() + " at " + asset.filename());
        }
        trashFiles.forEach((file, hash) ->
                holders.computeIfAbsent(hash, h -> new ArrayList<>()).add(idOf(file) + " in the trash"));
        return holders;
    }

    /** Every id a process reported is still an asset or in the trash. */
    private void ids(List<Asset> live, List<String> trashed, Map<String, List<String>> holders) {
        Set<String> present = new HashSet<>(trashed);
        live.forEach(asset -> present.add(asset.id()));
        for (Map.Entry<String, Line> entry : ledger.reported().entrySet()) {
            String id = entry.getKey();
            if (!present.contains(id)) {
                String hash = ledger.contentOf(id);
                String now = hash == null
                        ? "its content unknown to the logs"
                        : "its content " + hash + " now held by " + holders.getOrDefault(hash, List.of());
                // The lines of the other ids that hold or held its content too: whether the
                // content went on under a new id (a copy, or a file indexed again) or left.
                Set<String> related = new HashSet<>(Set.of(id));
                if (hash != null) {
                    related.addAll(ledger.idsOf(hash));
                    holders.getOrDefault(hash, List.of()).forEach(holder -> related.add(holder.split(" ")[0]));
                }
                problems.add("ID GONE " + id + " (first reported by " + ledger.shortened(entry.getValue(), Set.of(id))
                        + "; " + now + ")\n" + ledger.history(related, 2 * HISTORY_LINES));
            }
        }
    }

    private static boolean isVideo(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mov");
    }

    private static Path fileOf(Asset asset) {
        return fileOf(asset.uri());
    }

    private static Path fileOf(String uri) {
        Path file = Path.of(URI.create(uri));
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath();
        }
    }

    private static String idOf(Path trashFile) {
        String name = trashFile.getFileName().toString();
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }

    private static Map<Path, String> hashes(List<Path> files) {
        Map<Path, String> hashes = new HashMap<>();
        files.forEach(file -> hashes.put(file, StressFiles.hashOrUnknown(file)));
        return hashes;
    }

    private static List<Path> tempFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(
                            path -> WriteTempFiles.isTempName(path.getFileName().toString()))
                    .toList();
        }
    }

    /** The media files of the tree: not hidden, not in the data folder. */
    private static List<Path> mediaFiles(Path root, Path dataDir) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !path.startsWith(dataDir))
                    .filter(path -> Arrays.stream(
                                    root.relativize(path).toString().split("/"))
                            .noneMatch(part -> part.startsWith(".")))
                    .toList();
        }
    }

    /** The files of the trash folder with these extensions (a sidecar or other file is none). */
    private static List<Path> trashMedia(Path trash, String... extensions) throws IOException {
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(trash)) {
            return files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Arrays.stream(extensions).anyMatch(name::endsWith);
                    })
                    .toList();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
