package dev.camroll.server.cli;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ServiceConfigurationError;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every command that works on a library takes: LIBRARY, --data, --json and --time-zone. */
final class LibraryMixin {

    /** The index of the engine in its data folder (see docs/ARCHITECTURE.md, "The index"). */
    static final String INDEX_FILE = "index.db";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Parameters(index = "0", paramLabel = "LIBRARY", description = "The library folder.")
    private Path root;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the index lives (default: LIBRARY/.camroll).")
    private Path dataDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            converter = Converters.ZoneConverter.class,
            description = "Zone of local times: EXIF times without an offset, dates given as options,"
                    + " times printed (default: the system zone).")
    private ZoneId timeZone;

    boolean json() {
        return json;
    }

    ZoneId timeZone() {
        return timeZone != null ? timeZone : ZoneId.systemDefault();
    }

    Path root() {
        return root;
    }

    PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    /** Opens the library for a scan: the index is created when there is none. */
    MediaLibrary openForScan() {
        checkFolder();
        checkDataFolder(true);
        printEngineWarnings();
        return open(false);
    }

    /** Opens the library to follow it: the index is created when there is none, and the folder is watched. */
    MediaLibrary openForWatch() {
        checkFolder();
        checkDataFolder(true);
        printEngineWarnings();
        return open(true);
    }

    /** Opens the index of the library for queries, which never scan. */
    MediaLibrary openForQuery() {
        checkFolder();
        checkDataFolder(false);
        return openExisting();
    }

    /**
     * Opens the index of the library for writes through the API (import, rm, trash, favorite):
     * like queries, they never scan and need an index made by {@code camroll scan}.
     */
    MediaLibrary openForWrite() {
        checkFolder();
        checkDataFolder(true);
        return openExisting();
    }

    private MediaLibrary openExisting() {
        Path index = dataFolder();
        if (!Files.isRegularFile(index.resolve(INDEX_FILE))) {
            String data = dataDir != null ? " --data " + dataDir : "";
            throw new CamrollException(
                    ErrorCode.UNAVAILABLE, "no index in " + index + ": run camroll scan " + root + data + " first");
        }
        return open(false);
    }

    /**
     * The engine's warnings as one line each (the commands that scan: the others log nothing, and
     * skip loading java.util.logging).
     */
    private void printEngineWarnings() {
        CommandLine commandLine = mixee.commandLine();
        boolean debug =
                commandLine.getExecutionExceptionHandler() instanceof ErrorHandler errors && errors.debug(commandLine);
        EngineWarnings.printTo(err(), debug);
    }

    /** The stream of errors and notices of the command. */
    PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    /** The progress of a scan, which also says when it waits for another scan to finish. */
    ScanProgress scanProgress(ScanProgress progress) {
        return new ScanWaitNotice(progress, err(), root);
    }

    /** The one place the commands open a library: the engine found on the class path. Only watch watches. */
    private MediaLibrary open(boolean watch) {
        LibraryOptions options = new LibraryOptions(dataDir, false, timeZone(), null, watch, null);
        try {
            MediaLibrary library = MediaLibrary.open(root, options);
            // What opening did on its own (a damaged index moved aside), one line each.
            library.notices().forEach(notice -> mixee.commandLine().getErr().println("camroll: " + notice));
            return library;
        } catch (ServiceConfigurationError e) {
            throw new CamrollException(
                    ErrorCode.UNAVAILABLE, "the Camroll engine could not be loaded: " + e.getMessage(), e);
        }
    }

    /** The data folder: --data, or LIBRARY/.camroll. */
    Path dataFolder() {
        return dataDir != null ? dataDir : root.resolve(".camroll");
    }

    /**
     * The data folder, if there is one, must be a folder, and one this process can write to when
     * the command writes: said in one line with what to do, before the engine meets it halfway.
     */
    private void checkDataFolder(boolean writes) {
        Path data = dataFolder();
        String option =
                dataDir != null ? "give --data a folder" : "remove or rename that file, or give --data a folder";
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new CamrollException(
                    ErrorCode.BAD_DATA_FOLDER, "the data folder " + data + " is a file, not a folder: " + option);
        }
        if (writes && Files.isDirectory(data) && !Files.isWritable(data)) {
            throw new CamrollException(
                    ErrorCode.READ_ONLY,
                    "the data folder " + data + " is read-only: this command writes the index"
                            + " there; make it writable, or give --data a folder that is");
        }
    }

    void checkFolder() {
        if (!Files.exists(root)) {
            throw new CamrollException(ErrorCode.NOT_FOUND, "library folder " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new CamrollException(ErrorCode.NOT_FOUND, "library " + root + " is not a folder");
        }
    }
}
