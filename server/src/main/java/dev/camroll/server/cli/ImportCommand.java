package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Copies files into LIBRARY and indexes them, as createAssetAsync: into the folder of the"
                    + " album titled NAME, or the default album (Pictures). A name taken in the folder"
                    + " gets \" (1)\", \" (2)\", ...",
            "Prints each new asset's id and filename (--json: the assets). A file that is not the"
                    + " media its name says stops the import; the files before it stay imported."
        })
final class ImportCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to import.")
    private List<Path> files;

    @Option(names = "--album", paramLabel = "NAME", description = "The title of the album to import into.")
    private String albumTitle;

    @Override
    public Integer call() {
        PrintWriter out = library.out();
        List<Asset> imported = new ArrayList<>();
        try (MediaLibrary opened = library.openForWrite()) {
            String albumId = null;
            if (albumTitle != null) {
                Album album = opened.getAlbum(albumTitle);
                if (album == null) {
                    throw new CamrollException("no album titled " + albumTitle + " (see camroll albums)");
                }
                albumId = album.id();
            }
            for (Path file : files) {
                Asset asset;
                try {
                    asset = opened.createAsset(AssetSource.file(file), albumId);
                } catch (CamrollException e) {
                    throw stopped(file, imported.size(), e);
                }
                imported.add(asset);
                if (!library.json()) {
                    out.println(asset.id() + "  " + TextFormat.text(asset.filename()));
                    out.flush();
                }
            }
        }
        if (library.json()) {
            out.println(Json.write(imported));
            out.flush();
        }
        return 0;
    }

    /** The engine's error, naming the file, and what happened to the files before it. */
    private CamrollException stopped(Path file, int before, CamrollException e) {
        String message = String.valueOf(e.getMessage());
        String name = String.valueOf(file.getFileName());
        if (!message.contains(name)) {
            message = file + ": " + message;
        }
        if (before > 0) {
            message += before == 1
                    ? "; stopped there: the file before it was imported"
                    : "; stopped there: the " + before + " files before it were imported";
        } else if (files.size() > 1) {
            message += "; stopped there: nothing was imported";
        }
        return e instanceof InvalidArgumentException
                ? new InvalidArgumentException(message)
                : new CamrollException(message, e);
    }
}
