package dev.camroll.server.cli;

import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Says on stderr that the scan waits for another one (a {@code watch} or {@code scan} in another
 * process), so that a command that seems to hang tells why; passes the rest to {@code progress}.
 */
final class ScanWaitNotice implements ScanProgress {
    private final ScanProgress progress;
    private final PrintWriter err;
    private final Path root;

    ScanWaitNotice(ScanProgress progress, PrintWriter err, Path root) {
        this.progress = progress;
        this.err = err;
        this.root = root;
    }

    @Override
    public void waitingForAnotherScan(Duration maxWait) {
        err.println(ErrorHandler.PREFIX + "another scan of " + root + " is running; waiting for it to finish (at most "
                + maxWait.toMinutes() + " minutes)");
        err.flush();
        progress.waitingForAnotherScan(maxWait);
    }

    @Override
    public void started(long filesToRead) {
        progress.started(filesToRead);
    }

    @Override
    public void fileRead() {
        progress.fileRead();
    }

    @Override
    public void finished(ScanReport report) {
        progress.finished(report);
    }
}
