package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process writing to a library, for tests about what processes do to each other (and
 * about what a process without some rights can do). Prints {@code ok ...} or {@code failed
 * <message>} as its last line.
 *
 * <p>Arguments: a mode, the library root, then the mode's own:
 *
 * <ul>
 *   <li>{@value #TRASH_LOOP} SECONDS: deletes every asset in one call, then restores them in
 *       one call, over and over, until the time is up; prints {@code ok <rounds>}.
 *   <li>{@value #DELETE} ID: one delete.
 *   <li>{@value #MOVE} ALBUM-ID ID: moves one asset into an album.
 *   <li>{@value #QUERY_THEN_DELETE} ID: prints the number of assets, then tries a delete.
 * </ul>
 */
public final class WriterChild {
    static final String TRASH_LOOP = "trash-loop";
    static final String DELETE = "delete";
    static final String MOVE = "move";
    static final String QUERY_THEN_DELETE = "query-then-delete";

    private WriterChild() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path root = Path.of(args[1]);
        LibraryOptions options = LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
        try (MediaLibrary library = MediaLibrary.open(root, options)) {
            switch (mode) {
                case TRASH_LOOP -> trashLoop(library, Long.parseLong(args[2]));
                case DELETE -> {
                    library.deleteAssets(List.of(args[2]));
                    System.out.println("ok");
                }
                case MOVE -> {
                    library.addAssetsToAlbum(List.of(args[3]), args[2], false);
                    System.out.println("ok");
                }
                case QUERY_THEN_DELETE -> {
                    System.out.println("assets " + library.getAssets(EVERYTHING).totalCount());
                    library.deleteAssets(List.of(args[2]));
                    System.out.println("ok");
                }
                default -> throw new IllegalArgumentException(mode);
            }
        } catch (RuntimeException e) {
            System.out.println("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void trashLoop(MediaLibrary library, long seconds) {
        List<String> ids = new ArrayList<>();
        for (Asset asset : library.getAssets(EVERYTHING).assets()) {
            ids.add(asset.id());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int rounds = 0;
        while (System.nanoTime() < end) {
            library.deleteAssets(ids);
            library.restoreAssets(ids);
            rounds++;
        }
        System.out.println("ok " + rounds);
    }

    /** Starts this class in a new JVM, after {@code prefix} (a command that runs it, such as setpriv). */
    static Process start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                WriterChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Runs this class to its end; its output. */
    static String run(List<String> prefix, String... args) throws IOException, InterruptedException {
        Process process = start(prefix, args);
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return out.strip();
    }
}
