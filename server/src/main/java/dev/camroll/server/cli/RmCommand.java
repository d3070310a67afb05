package dev.camroll.server.cli;

import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Moves assets to the trash, as deleteAssetsAsync: they vanish from every query until"
                    + " restored (camroll trash --restore) or purged. All or nothing: an unknown id"
                    + " is an error naming it, and nothing is moved."
        })
final class RmCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "The asset ids (see camroll assets).")
    private List<String> ids;

    @Override
    public Integer call() {
        List<String> distinct = ids.stream().distinct().toList();
        try (MediaLibrary opened = library.openForWrite()) {
            opened.deleteAssets(distinct);
        }
        PrintWriter out = library.out();
        if (library.json()) {
            out.println(ApiJson.write(Map.of("deletedAssets", distinct)));
        } else {
            out.println("moved " + TextFormat.count(distinct.size(), "asset") + " to the trash: "
                    + String.join(" ", distinct));
        }
        out.flush();
        return 0;
    }
}
