package dev.camroll.server.cli;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Brings the index of LIBRARY up to date, prints what changed, then watches the folder and"
                    + " prints each change event as it happens, until interrupted (Ctrl-C).",
            "Text: one line per event with the counts and ids. --json: one object per line, the scan's"
                    + " summary first, then the events (hasIncrementalChanges, insertedAssets,"
                    + " updatedAssets, deletedAssets, nextToken)."
        })
final class WatchCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** How long Ctrl-C or SIGTERM waits for the library to close. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    @Mixin
    private LibraryMixin library;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = library.out();
        try (StopSignal stop = new StopSignal("camroll-watch-stop", CLOSE_WAIT);
                MediaLibrary opened = library.openForWatch()) {
            ScanReport report = opened.scan(library.scanProgress(ScanProgress.NONE));
            synchronized (out) {
                out.print(library.json() ? ApiJson.writeLine(report) + "\n" : ScanCommand.summary(report, false));
                out.flush();
            }
            opened.addListener(changes -> print(out, changes));
            stop.await();
        }
        return 0;
    }

    private void print(PrintWriter out, ChangeSet changes) {
        String line = library.json() ? ApiJson.writeLine(changes) : describe(changes, library.timeZone());
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** One line: the time, the counts and the ids of what changed. */
    static String describe(ChangeSet changes, ZoneId zone) {
        StringBuilder line = new StringBuilder(
                LocalTime.now(zone).truncatedTo(ChronoUnit.SECONDS).format(TIME));
        if (!changes.hasIncrementalChanges()) {
            return line.append("  too many changes to list: reload everything").toString();
        }
        line.append("  inserted ")
                .append(changes.insertedAssets().size())
                .append("  updated ")
                .append(changes.updatedAssets().size())
                .append("  deleted ")
                .append(changes.deletedAssets().size());
        ids(line, "inserted", changes.insertedAssets());
        ids(line, "updated", changes.updatedAssets());
        ids(line, "deleted", changes.deletedAssets());
        return line.toString();
    }

    private static void ids(StringBuilder line, String what, List<String> ids) {
        if (!ids.isEmpty()) {
            line.append("  ").append(what).append(":");
            for (String id : ids) {
                line.append(' ').append(id);
            }
        }
    }
}
