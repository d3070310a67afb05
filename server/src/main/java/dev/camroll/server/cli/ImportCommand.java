package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Copies files into LIBRARY and indexes them, as createAssetAsync: into the folder of the"
                    + " album titled NAME (created when missing), or the default album (Pictures). A name taken in the folder"
                    + " gets \" (1)\", \" (2)\", ...",
            "Prints each new asset's id and filename (--json: the assets). A file that is not the"
                    + " media its name says stops the import; the files before it stay imported."
        })
final class ImportCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to import.")
    private List<Path> files;

    @Option(
            names = "--album",
            paramLabel = "NAME",
            description = "The title of the album to import into; created when there is none.")
    private String albumTitle;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        refuseUnknownOptions();
        PrintWriter out = library.out();
        List<Asset> imported = new ArrayList<>();
        try (MediaLibrary opened = library.openForWrite()) {
            Album album = albumTitle == null ? null : opened.getAlbum(albumTitle);
            for (Path file : files) {
                Asset asset;
                if (albumTitle != null && album == null) {
                    // A trip's photos go to a new album: created with its first file.
                    album = createAlbum(opened, file);
                    say(out, "created the album " + TextFormat.text(albumTitle));
                    asset = onlyAssetOf(opened, album);
                } else {
                    try {
                        asset = opened.createAsset(AssetSource.file(file), album == null ? null : album.id());
                    } catch (CamrollException e) {
                        throw stopped(file, imported.size(), e);
                    }
                }
                imported.add(asset);
                if (!library.json()) {
                    out.println(asset.id() + "  " + TextFormat.text(asset.filename()));
                    out.flush();
                }
            }
        }
        if (library.json()) {
            out.println(ApiJson.write(imported));
            out.flush();
        }
        return 0;
    }

    /**
     * Files are the positional parameters even when their names start with a dash (the command
     * line takes unknown options as files, see {@link CamrollCommand}); a dash word that names no
     * file is a mistyped option, and is reported as one.
     */
    private void refuseUnknownOptions() {
        for (Path file : files) {
            String name = file.toString();
            if (name.startsWith("-") && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ParameterException(
                        spec.commandLine(), "unknown option: '" + name + "' (and no file has this name)");
            }
        }
    }

    /** The album titled NAME, created with its first file; a refused name is the album's error. */
    private Album createAlbum(MediaLibrary opened, Path first) {
        try {
            return opened.createAlbum(albumTitle, null, false, first.toUri().toString());
        } catch (InvalidArgumentException e) {
            if (String.valueOf(e.getMessage()).contains("album name")) {
                throw e;
            }
            throw stopped(first, 0, e);
        } catch (CamrollException e) {
            throw stopped(first, 0, e);
        }
    }

    /** Text goes with the ids on stdout; with --json, stdout holds only the JSON. */
    private void say(PrintWriter out, String line) {
        PrintWriter target = library.json() ? spec.commandLine().getErr() : out;
        target.println(line);
        target.flush();
    }

    /** The asset of an album just created with one file. */
    private static Asset onlyAssetOf(MediaLibrary opened, Album album) {
        List<Asset> assets = opened.getAssets(
                        AssetQuery.builder().album(album.id()).first(1).build())
                .assets();
        if (assets.isEmpty()) {
            throw new CamrollException(
                    ErrorCode.INTERNAL, "the album " + album.title() + " was created without its file");
        }
        return assets.getFirst();
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
                ? new InvalidArgumentException(e.code(), message, e.details())
                : new CamrollException(e.code(), message, e.details(), e);
    }
}
