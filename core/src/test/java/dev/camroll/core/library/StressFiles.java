package dev.camroll.core.library;

import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The photos of a multi-process stress test, each with content of its own: those in the library
 * before the processes start (Live Photos among them), and those waiting to be imported. The test knows the hash of every
 * one of them, so that at the end each file found can be told apart (an original, a copy made by
 * an album copy, or a partial file) and each original looked for.
 *
 * <p>A file waiting for import is in a folder of its own under {@code pending/}; the process that
 * imports it first claims it by moving that folder to {@code claimed/} (one atomic rename, so two
 * processes never import the same file), then imports it from there.
 */
public final class StressFiles {
    /** Names repeat on purpose, so that imports and moves meet taken names. */
    private static final int NAMES = 25;

    /** Apple Live Photos among the initial photos: a still and its MOV each ({@link LivePhotoFiles}). */
    private static final int LIVE_PHOTOS = 12;

    private final Path pending;
    private final Path claimed;
    private final Map<String, String> known = new HashMap<>();
    private final Map<String, String> initial = new HashMap<>();
    private final Map<String, String> liveVideos = new HashMap<>();

    private StressFiles(Path pending, Path claimed) {
        this.pending = pending;
        this.claimed = claimed;
    }

    /**
     * Writes {@code initialCount} photos into the library's folders (the root, {@code Pictures},
     * two albums) and {@code sourceCount} photos to import; a sixth of them are BMPs of about 1 MB,
     * so that kills land inside copies, the others small JPEGs.
     */
    public static StressFiles create(Path work, Path root, int initialCount, int sourceCount, Random random)
            throws IOException {
        StressFiles files = new StressFiles(
                Files.createDirectories(work.resolve("pending")), Files.createDirectories(work.resolve("claimed")));
        String[] folders = {"", "Pictures", "Trip", "Family"};
        for (int i = 0; i < initialCount; i++) {
            Path folder = Files.createDirectories(root.resolve(folders[i % folders.length]));
            Path file = files.write(folder, i, random);
            files.initial.put(
                    hash(Files.readAllBytes(file)), root.relativize(file).toString());
        }
        // Live Photos as an iPhone's camera roll copied to disk holds them: a still and a MOV of
        // one base name and one content identifier, side by side. Their stills are photos of the
        // run like the others; their MOVs are no assets, and must follow their stills everywhere.
        for (int i = 0; i < LIVE_PHOTOS; i++) {
            Path folder = Files.createDirectories(root.resolve(folders[i % folders.length]));
            String identifier =
                    String.format("5A5A5A5A-%04X-4000-8000-%012X", i, random.nextLong() & 0xFFFF_FFFF_FFFFL);
            Path still = LivePhotoFiles.still(folder.resolve("LIVE_" + i + ".JPG"), identifier);
            Path video = LivePhotoFiles.video(folder.resolve("LIVE_" + i + ".MOV"), identifier, 1.5);
            String stillHash = hash(Files.readAllBytes(still));
            files.known.put(stillHash, still.getFileName().toString());
            files.initial.put(stillHash, root.relativize(still).toString());
            files.liveVideos.put(stillHash, hash(Files.readAllBytes(video)));
        }
        for (int i = 0; i < sourceCount; i++) {
            files.write(Files.createDirectories(files.pending.resolve("s" + i)), initialCount + i, random);
        }
        return files;
    }

    private Path write(Path folder, int index, Random random) throws IOException {
        boolean large = random.nextInt(6) == 0;
        byte[] bytes = large ? TestMedia.bmpBytes(640, 480) : TestMedia.jpegBytes(96 + index % 5 * 16, 72);
        bytes = bytes.clone();
        // Eight bytes of the pixel data near the end make the content (and its content key) unique.
        byte[] stamp = new byte[8];
        random.nextBytes(stamp);
        for (int i = 0; i < stamp.length; i++) {
            stamp[i] &= 0x7f; // never 0xFF, which would start a JPEG marker
        }
        System.arraycopy(stamp, 0, bytes, bytes.length - (large ? 64 : 4) - 8, 8);
        Path file = folder.resolve("IMG_" + (index % NAMES) + (large ? ".bmp" : ".jpg"));
        if (Files.exists(file)) {
            file = folder.resolve("IMG_" + index + (large ? ".bmp" : ".jpg"));
        }
        Files.write(file, bytes);
        known.put(hash(bytes), file.getFileName().toString());
        return file;
    }

    /** The hash of every photo made, with the name it was made under. */
    public Map<String, String> known() {
        return known;
    }

    /** The hash of every photo in the library from the start, with its path under the root. */
    public Map<String, String> initial() {
        return initial;
    }

    /** The content of each Live Photo's MOV, by the content of its still. */
    public Map<String, String> liveVideos() {
        return liveVideos;
    }

    public Path pending() {
        return pending;
    }

    public Path claimed() {
        return claimed;
    }

    /**
     * Claims a file waiting for import (for this process alone) and returns its path under
     * {@code claimed}, or null when none is left.
     */
    public static Path claim(Path pending, Path claimed, Random random) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Path> left;
            try (Stream<Path> folders = Files.list(pending)) {
                left = new ArrayList<>(folders.toList());
            }
            if (left.isEmpty()) {
                return null;
            }
            Path folder = left.get(random.nextInt(left.size()));
            Path target = claimed.resolve(folder.getFileName());
            try {
                Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                continue; // another process claimed it first
            }
            try (Stream<Path> inside = Files.list(target)) {
                return inside.findFirst().orElseThrow();
            }
        }
        return null;
    }

    /** A short hex SHA-256 of the bytes: enough to tell the test's photos apart. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of a file, or {@code ?} when it cannot be read (gone meanwhile). */
    public static String hashOrUnknown(Path file) {
        try {
            return hash(Files.readAllBytes(file));
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }
}
