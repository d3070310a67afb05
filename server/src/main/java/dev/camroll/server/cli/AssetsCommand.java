package dev.camroll.server.cli;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "assets",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Lists one page of the assets of LIBRARY, as getAssetsAsync.",
            "The last line gives the cursor of the next page: pass it with --after.",
            "TIME is epoch milliseconds or ISO-8601: 2024-05-01, 2024-05-01T10:00,"
                    + " 2024-05-01T10:00:00+02:00, 2024-05-01T08:00:00Z (dates and local times in --time-zone)."
        })
final class AssetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryMixin library;

    @Option(
            names = "--first",
            paramLabel = "N",
            defaultValue = "" + AssetQuery.DEFAULT_FIRST,
            description = "Page size, 1 to " + AssetQuery.MAX_FIRST + " (default: ${DEFAULT-VALUE}).")
    private int first;

    @Option(
            names = "--after",
            paramLabel = "CURSOR",
            description = "The endCursor of the previous page, or an asset id.")
    private String after;

    @Option(names = "--album", paramLabel = "ID", description = "Only the assets of this album (see camroll albums).")
    private String album;

    @Option(
            names = "--media-type",
            paramLabel = "TYPE",
            split = ",",
            converter = Converters.MediaTypeConverter.class,
            defaultValue = "photo",
            description = "photo, video and/or audio, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<MediaType> mediaTypes;

    @Option(
            names = "--sort",
            paramLabel = "KEY[:asc|desc]",
            split = ",",
            converter = Converters.SortKeyConverter.class,
            description = "Sort keys, most significant first: default, mediaType, width, height, creationTime,"
                    + " modificationTime, duration; a key alone sorts descending (default: creationTime:desc).")
    private List<SortKey> sortBy;

    @Option(
            names = "--created-after",
            paramLabel = "TIME",
            converter = TimeArgument.Converter.class,
            description = "Only assets created after TIME (exclusive).")
    private TimeArgument createdAfter;

    @Option(
            names = "--created-before",
            paramLabel = "TIME",
            converter = TimeArgument.Converter.class,
            description = "Only assets created before TIME (exclusive).")
    private TimeArgument createdBefore;

    @Override
    public Integer call() {
        AssetQuery query = query();
        AssetPage page;
        try (MediaLibrary opened = library.openForQuery()) {
            page = opened.getAssets(query);
        }
        PrintWriter out = library.out();
        out.print(library.json() ? ApiJson.write(page) + "\n" : table(page, library.timeZone()));
        out.flush();
        return 0;
    }

    /** The query the options ask for; a value the api refuses is a bad command line. */
    AssetQuery query() {
        ZoneId zone = library.timeZone();
        try {
            return AssetQuery.builder()
                    .first(first)
                    .after(after)
                    .album(album)
                    .mediaTypes(EnumSet.copyOf(mediaTypes))
                    .sortBy(sortBy == null ? List.of() : sortBy)
                    .createdAfter(createdAfter == null ? null : createdAfter.toEpochMilli(zone))
                    .createdBefore(createdBefore == null ? null : createdBefore.toEpochMilli(zone))
                    .build();
        } catch (InvalidArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    static String table(AssetPage page, ZoneId zone) {
        var table =
                new TextFormat.Table("id", "filename", "type", "size", "created", "duration", "album").alignRight(3, 5);
        for (Asset asset : page.assets()) {
            table.row(
                    asset.id(),
                    TextFormat.text(asset.filename()),
                    asset.mediaType().wireName(),
                    asset.width() + "x" + asset.height(),
                    TextFormat.localTime(asset.creationTime(), zone),
                    asset.mediaType() == MediaType.PHOTO ? "" : TextFormat.duration(asset.duration()),
                    TextFormat.text(asset.albumId()));
        }
        return (page.assets().isEmpty() ? "" : table.toString())
                + "totalCount " + page.totalCount()
                + ", hasNextPage " + page.hasNextPage()
                + ", endCursor " + page.endCursor()
                + "\n";
    }
}
