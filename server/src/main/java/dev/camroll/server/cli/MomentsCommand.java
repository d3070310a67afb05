package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "moments",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Lists the moments of LIBRARY (photos and videos grouped by time and place), as getMomentsAsync.")
final class MomentsCommand implements Callable<Integer> {
    @Mixin
    private LibraryMixin library;

    @Override
    public Integer call() {
        List<Album> moments;
        try (MediaLibrary opened = library.openForQuery()) {
            moments = opened.getMoments();
        }
        PrintWriter out = library.out();
        out.print(library.json() ? ApiJson.write(moments) + "\n" : table(moments, library.timeZone()));
        out.flush();
        return 0;
    }

    static String table(List<Album> moments, ZoneId zone) {
        var table = new TextFormat.Table("id", "start", "end", "assets", "places").alignRight(3);
        for (Album moment : moments) {
            table.row(
                    moment.id(),
                    TextFormat.localTime(moment.startTime(), zone),
                    TextFormat.localTime(moment.endTime(), zone),
                    Integer.toString(moment.assetCount()),
                    TextFormat.text(moment.locationNames() == null ? "" : String.join(", ", moment.locationNames())));
        }
        return table.toString() + moments.size() + (moments.size() == 1 ? " moment" : " moments") + "\n";
    }
}
