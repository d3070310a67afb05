package dev.camroll.server.cli;

import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "favorite",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Marks an asset as a favorite (with --off, unmarks it), as setFavorite; camroll info shows it.")
final class FavoriteCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1", paramLabel = "ID", description = "The asset id (see camroll assets).")
    private String id;

    @Option(names = "--off", description = "Unmark the asset as a favorite.")
    private boolean off;

    @Override
    public Integer call() {
        try (MediaLibrary opened = library.openForWrite()) {
            opened.setFavorite(id, !off);
        }
        PrintWriter out = library.out();
        if (library.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("isFavorite", !off);
            out.println(ApiJson.write(result));
        } else {
            out.println(id + (off ? " is no longer a favorite" : " is a favorite"));
        }
        out.flush();
        return 0;
    }
}
