package dev.camroll.server.cli;

import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Brings the index of LIBRARY up to date with its files, then prints what changed.",
            "Shows a progress bar when run on a terminal."
        })
final class ScanCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Option(names = "--warnings", description = "List the files that could not be read in full.")
    private boolean listWarnings;

    @Override
    public Integer call() {
        ScanReport report;
        try (ScanProgressBar bar = showProgress() ? new ScanProgressBar() : null;
                MediaLibrary opened = library.openForScan()) {
            report = opened.scan(library.scanProgress(bar != null ? bar : ScanProgress.NONE));
        }
        PrintWriter out = library.out();
        if (library.json()) {
            out.println(ApiJson.write(report));
        } else {
            out.print(summary(report, listWarnings));
        }
        out.flush();
        return 0;
    }

    private boolean showProgress() {
        return !library.json() && ScanProgressBar.isInteractive();
    }

    static String summary(ScanReport report, boolean listWarnings) {
        int read = report.added() + report.changed();
        var table = new TextFormat.Table("what", "count")
                .withoutHeaders()
                .row("added", Integer.toString(report.added()))
                .row("changed", Integer.toString(report.changed()))
                .row("removed", Integer.toString(report.removed()))
                .row("unchanged", Integer.toString(report.unchanged()))
                .row("warnings", Integer.toString(report.warnings().size()))
                .row("elapsed", TextFormat.elapsed(report.elapsedMillis()))
                .row("files/s", read == 0 ? "-" : TextFormat.rate(read, report.elapsedMillis()));
        StringBuilder text = new StringBuilder(table.toString());
        if (listWarnings) {
            for (ScanWarning warning : report.warnings()) {
                text.append("warning: ")
                        .append(TextFormat.text(warning.path()))
                        .append(": ")
                        .append(warning.message())
                        .append(warning.indexed() ? " (indexed)" : " (skipped)")
                        .append('\n');
            }
        } else if (!report.warnings().isEmpty()) {
            text.append("(list the warnings with --warnings)\n");
        }
        return text.toString();
    }
}
