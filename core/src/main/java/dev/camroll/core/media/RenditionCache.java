package dev.camroll.core.media;

import dev.camroll.api.InvalidArgumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Renditions on disk under the data folder ({@code DATA/renditions/<2 chars>/<asset id>/}),
 * made on demand: videos and sounds by {@link Transcode} on a few threads of the lowest priority
 * ({@link RenditionSettings#transcodes()}, one by default), pictures by {@link StillRendition} on
 * the caller's thread.
 *
 * <p>As in the {@link ThumbnailCache}, an entry's name holds the indexed file size and
 * modification time and a render version, entries are written under a temporary name and
 * renamed (never a torn file), and making one removes the asset's outdated ones. A conversion
 * costs far more than a thumbnail, so it is made once across processes too: the maker holds a
 * lock on a file beside the entry, and a process that finds it held waits and then takes the
 * finished entry. In one process, callers asking for the same entry share one making. A file that
 * cannot be converted leaves a small {@code .failed} note with the reason, so that asking again
 * costs nothing until the file changes.
 */
public final class RenditionCache implements AutoCloseable {

    /** Raised when the way renditions are made changes, so that old entries are made again. */
    static final int RENDER_VERSION = 1;

    static final String TEMPORARY_PREFIX = ".making-";
    private static final String LOCK_PREFIX = ".lock-";
    private static final String FAILED_SUFFIX = ".failed";
    static final Duration ABANDONED_AFTER = Duration.ofHours(2);

    /** When a caller that gave up waiting is told to ask again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The thread names of the converters, as {@code top -H} shows them (15 chars at most). */
    public static final String THREAD_NAME = "camroll-render";

    private static final Logger LOG = System.getLogger(RenditionCache.class.getName());
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /**
     * The makings under way in this process, by entry: one per entry whatever library object
     * asks (a file lock of the JVM cannot be taken twice by it).
     */
    private static final ConcurrentHashMap<Path, CompletableFuture<CachedRendition>> MAKING = new ConcurrentHashMap<>();

    private final Path folder;
    private final RenditionSettings settings;
    private final ExecutorService converters;
    private final StillRendition stills = new StillRendition();
    private final AtomicLong made = new AtomicLong();
    private volatile boolean closed;

    /** A cache in {@code dataFolder/renditions}. */
    public RenditionCache(Path dataFolder, RenditionSettings settings) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder")
                .toAbsolutePath()
                .normalize()
                .resolve("renditions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.converters = Executors.newFixedThreadPool(
                settings.transcodes(),
                Thread.ofPlatform()
                        .name(THREAD_NAME)
                        .daemon(true)
                        .priority(Thread.MIN_PRIORITY)
                        .factory());
    }

    /** The folder the entries are in. */
    public Path folder() {
        return folder;
    }

    /** How many renditions this cache has made itself (not found made). */
    public long madeCount() {
        return made.get();
    }

    /**
     * The cached rendition of a file, made first when there is none for its current version;
     * waits up to {@code wait} for a conversion (which goes on after that).
     *
     * @throws NoRenditionException when the file cannot be converted (remembered until it changes)
     * @throws RenditionPendingException when the conversion was not finished within {@code wait}
     * @throws UncheckedIOException when the cache cannot be written (a full disk: nothing partial
     *     is left)
     */
    public CachedRendition get(RenditionSource source, RenditionKind kind, Duration wait) {
        Path entry = entry(source, kind);
        CachedRendition cached = existing(entry, kind);
        if (cached != null) {
            return cached;
        }
        throwIfFailed(entry);
        if (kind == RenditionKind.PHOTO_JPEG) {
            return join(making(entry, source, kind, false));
        }
        CompletableFuture<CachedRendition> future = making(entry, source, kind, true);
        try {
            return future.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenditionPendingException(
                    source.file().getFileName() + " is being converted for the browser; ask again shortly",
                    RETRY_AFTER);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenditionPendingException("interrupted while waiting for a rendition", RETRY_AFTER);
        }
    }

    /** Whether the current version's rendition is stored (nothing is made). */
    public boolean contains(RenditionSource source, RenditionKind kind) {
        return existing(entry(source, kind), kind) != null;
    }

    /**
     * Removes the entries of assets the index no longer knows (see {@link CacheSweep}); the
     * caller has checked that the cache folder is a real folder of the data folder.
     */
    public SweepReport sweep(CacheSweep.Index index) {
        try {
            return CacheSweep.sweep(folder, ABANDONED_AFTER, index);
        } catch (IOException e) {
            throw new UncheckedIOException("the renditions cache could not be swept", e);
        }
    }

    /** Removes every entry of an asset (when it is purged or its file is gone). */
    public void remove(String assetId) {
        CacheSweep.removeAssetFolder(assetFolder(assetId), assetId, "renditions");
    }

    /** Stops the converters: a conversion under way is given up (its temporary file removed). */
    @Override
    public void close() {
        closed = true;
        converters.shutdownNow();
    }

    /** The one making of an entry in this process: started here, or the one under way. */
    private CompletableFuture<CachedRendition> making(
            Path entry, RenditionSource source, RenditionKind kind, boolean inBackground) {
        CompletableFuture<CachedRendition> mine = new CompletableFuture<>();
        CompletableFuture<CachedRendition> running = MAKING.putIfAbsent(entry, mine);
        if (running != null) {
            return running;
        }
        Runnable work = () -> {
            try {
                mine.complete(makeUnderLock(entry, source, kind));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            } finally {
                MAKING.remove(entry, mine);
            }
        };
        if (!inBackground) {
            work.run();
            return mine;
        }
        try {
            converters.execute(() -> {
                LowPriority.lowerCurrentThread();
                work.run();
            });
        } catch (RuntimeException rejected) {
            MAKING.remove(entry, mine);
            mine.completeExceptionally(new CancellationException("the library is closing"));
        }
        return mine;
    }

    private static CachedRendition join(CompletableFuture<CachedRendition> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Makes the entry while holding its lock file, so that another process asking at the same time
     * waits for this one and then finds the entry (or its failure note) instead of converting too.
     */
    private CachedRendition makeUnderLock(Path entry, RenditionSource source, RenditionKind kind) {
        try {
            Files.createDirectories(entry.getParent());
            Path lockFile = entry.resolveSibling(LOCK_PREFIX + entry.getFileName());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                CachedRendition cached = existing(entry, kind);
                if (cached != null) {
                    return cached;
                }
                throwIfFailed(entry);
                return make(entry, source, kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendition could not be stored in " + entry.getParent(), e);
        }
    }

    private CachedRendition make(Path entry, RenditionSource source, RenditionKind kind) throws IOException {
        Path temporary = Files.createTempFile(entry.getParent(), TEMPORARY_PREFIX, "." + kind.extension());
        try {
            try {
                if (kind == RenditionKind.PHOTO_JPEG) {
                    stills.write(source.file(), source.format(), temporary);
                } else {
                    Transcode.run(
                            source.file(),
                            temporary,
                            kind,
                            settings.timeLimit(),
                            Runtime.getRuntime().availableProcessors(),
                            () -> closed || Thread.currentThread().isInterrupted());
                }
            } catch (NoRenditionException e) {
                if (e.reason() != NoRenditionException.Reason.TIME_LIMIT) {
                    remember(entry, e); // a busier moment may be why it ran out of time: not remembered
                }
                throw e;
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            made.incrementAndGet();
            removeOutdated(entry, kind);
            CachedRendition cached = existing(entry, kind);
            if (cached == null) {
                throw new NoRenditionException(NoRenditionException.Reason.UNREADABLE, "the rendition came out empty");
            }
            return cached;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Notes that the file cannot be converted, so that the next request answers at once. */
    private static void remember(Path entry, NoRenditionException failure) {
        Path note = entry.resolveSibling(entry.getFileName() + FAILED_SUFFIX);
        String text = failure.reason().name() + "\n" + failure.getMessage();
        try {
            Path temporary = Files.createTempFile(entry.getParent(), TEMPORARY_PREFIX, FAILED_SUFFIX);
            Files.writeString(temporary, text);
            Files.move(temporary, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "the failure of {0} could not be noted: {1}", entry, e.toString());
        }
    }

    private static void throwIfFailed(Path entry) {
        Path note = entry.resolveSibling(entry.getFileName() + FAILED_SUFFIX);
        String text;
        try {
            text = Files.readString(note, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return; // no note: never failed (or the note is being written)
        }
        int newline = text.indexOf('\n');
        NoRenditionException.Reason reason;
        try {
            reason = NoRenditionException.Reason.valueOf(newline < 0 ? text.strip() : text.substring(0, newline));
        } catch (IllegalArgumentException e) {
            reason = NoRenditionException.Reason.UNREADABLE;
        }
        throw new NoRenditionException(
                reason, newline < 0 ? "the file cannot be converted" : text.substring(newline + 1));
    }

    /**
     * Removes the asset's entries of this kind made from an earlier version of its file (with
     * their notes and lock files), and temporary files a process that died converting left.
     */
    private static void removeOutdated(Path entry, RenditionKind kind) throws IOException {
        String current = entry.getFileName().toString();
        String prefix = kind.entryPrefix() + "-";
        long abandonedBefore = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(entry.getParent())) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                String entryName = name.startsWith(LOCK_PREFIX) ? name.substring(LOCK_PREFIX.length()) : name;
                if (entryName.startsWith(prefix) && !entryName.startsWith(current)) {
                    Files.deleteIfExists(sibling);
                } else if (name.startsWith(TEMPORARY_PREFIX) && modifiedBefore(sibling, abandonedBefore)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static boolean modifiedBefore(Path file, long millis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() < millis;
        } catch (IOException e) {
            return false;
        }
    }

    private static CachedRendition existing(Path entry, RenditionKind kind) {
        try {
            long length = Files.size(entry);
            // An empty entry can only be what a crash left of a write: make it again.
            return length > 0
                    ? new CachedRendition(
                            entry,
                            kind,
                            etag(entry),
                            length,
                            Files.getLastModifiedTime(entry).toMillis())
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Path entry(RenditionSource source, RenditionKind kind) {
        String version = Long.toHexString(source.fileSize()) + "-" + Long.toHexString(source.modifiedMillis()) + "-r"
                + RENDER_VERSION;
        return assetFolder(source.assetId()).resolve(kind.entryPrefix() + "-" + version + "." + kind.extension());
    }

    private Path assetFolder(String assetId) {
        if (!SAFE_ID.matcher(assetId).matches()) {
            throw new InvalidArgumentException("not an asset id: " + assetId);
        }
        String shard = assetId.length() >= 2 ? assetId.substring(0, 2) : assetId;
        return folder.resolve(shard).resolve(assetId);
    }

    /** The entry's name is its version: the same name always holds the same bytes. */
    private static String etag(Path entry) {
        String name = entry.getFileName().toString();
        return "\"" + entry.getParent().getFileName() + "-"
                + name.replace('.', '-').toLowerCase(Locale.ROOT) + "\"";
    }
}
