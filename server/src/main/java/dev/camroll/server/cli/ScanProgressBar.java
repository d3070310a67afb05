package dev.camroll.server.cli;

import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a scan on the terminal: files read of the total, files/s and the time left. */
final class ScanProgressBar implements ScanProgress, AutoCloseable {

    private volatile ProgressBar bar;

    /** Whether a person watches: stdin and stdout are a terminal. */
    static boolean isInteractive() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public synchronized void started(long filesToRead) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Scanning")
                    .setInitialMax(filesToRead)
                    .setUnit(" files", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .clearDisplayOnFinish()
                    .build();
        } else {
            bar.maxHint(filesToRead);
        }
    }

    @Override
    public void fileRead() {
        ProgressBar current = bar;
        if (current != null) {
            current.step();
        }
    }

    @Override
    public void finished(ScanReport report) {
        close();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
