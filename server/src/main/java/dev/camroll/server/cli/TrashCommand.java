package dev.camroll.server.cli;

import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "trash",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Lists the ids of the assets in the trash of LIBRARY; with --restore puts assets back"
                    + " where they were, with the same ids (all or nothing); with --purge deletes"
                    + " the files in the trash for good (after --restore, when both are given).",
            "--json: {\"trashedAssets\": [...]}, with \"restoredAssets\" and \"purged\" when asked."
        })
final class TrashCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Option(
            names = "--restore",
            arity = "1..*",
            paramLabel = "ID",
            description = "Puts these trashed assets back, with the same ids.")
    private List<String> restore;

    @Option(names = "--purge", description = "Empties the trash: its files are deleted for good.")
    private boolean purge;

    @Override
    public Integer call() {
        List<String> restored =
                restore == null ? List.of() : restore.stream().distinct().toList();
        List<String> trashed;
        int purged = 0;
        try (MediaLibrary opened = library.openForWrite()) {
            if (!restored.isEmpty()) {
                opened.restoreAssets(restored);
            }
            if (purge) {
                purged = opened.trashedAssets().size();
                opened.purgeTrash();
            }
            trashed = opened.trashedAssets();
        }
        PrintWriter out = library.out();
        if (library.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            if (restore != null) {
                result.put("restoredAssets", restored);
            }
            if (purge) {
                result.put("purged", purged);
            }
            result.put("trashedAssets", trashed);
            out.println(ApiJson.write(result));
        } else {
            if (!restored.isEmpty()) {
                out.println(
                        "restored " + TextFormat.count(restored.size(), "asset") + ": " + String.join(" ", restored));
            }
            if (purge) {
                out.println("purged " + TextFormat.count(purged, "asset") + " from the trash");
            }
            if (restore == null && !purge) {
                trashed.forEach(out::println);
                out.println(TextFormat.count(trashed.size(), "asset") + " in the trash");
            }
        }
        out.flush();
        return 0;
    }
}
