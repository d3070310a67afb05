package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "album",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Album (folder) operations, as expo-media-library's album functions:",
            "  create NAME ID           a new album holding a copy of the asset",
            "                           (--move moves it, id kept)",
            "  create NAME --file FILE  a new album holding a copy of FILE",
            "  add ALBUM ID...          copies the assets into the album",
            "                           (--move moves them, ids kept)",
            "  remove ALBUM ID...       moves the assets to the default album (ids kept)",
            "  rename ALBUM NAME        renames the album's folder (ids kept)",
            "  delete ALBUM...          deletes albums; their assets go to the default",
            "                           album, or to the trash with --remove-assets",
            "ALBUM is an album's title or id (see camroll albums)."
        })
final class AlbumCommand implements Callable<Integer> {

    enum Action {
        CREATE,
        ADD,
        REMOVE,
        RENAME,
        DELETE
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1", paramLabel = "ACTION", description = "create, add, remove, rename or delete.")
    private String action;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "What the action takes (see above).")
    private List<String> args = new ArrayList<>();

    @Option(names = "--move", description = "Move assets (ids kept) instead of copying them.")
    private boolean move;

    @Option(names = "--file", paramLabel = "FILE", description = "With create: the file the new album starts with.")
    private Path file;

    @Option(names = "--remove-assets", description = "With delete: send the albums' assets to the trash.")
    private boolean removeAssets;

    @Override
    public Integer call() {
        Action chosen = parseAction();
        Map<String, Object> result = new LinkedHashMap<>();
        String text;
        try (MediaLibrary opened = library.openForWrite()) {
            switch (chosen) {
                case CREATE -> {
                    need(1, "create NAME ID, or create NAME --file FILE");
                    String assetId = args.size() > 1 ? args.get(1) : null;
                    if (args.size() > 2 || (assetId == null) == (file == null)) {
                        throw usage("create takes NAME and either one asset ID or --file FILE");
                    }
                    String uri =
                            file == null ? null : file.toAbsolutePath().toUri().toString();
                    Album album = opened.createAlbum(args.getFirst(), assetId, !move, uri);
                    result.put("album", album);
                    text = "created album " + TextFormat.text(album.title()) + " (" + album.id() + ")";
                }
                case ADD -> {
                    need(2, "add ALBUM ID...");
                    Album album = resolve(opened, args.getFirst());
                    List<String> ids = args.subList(1, args.size());
                    opened.addAssetsToAlbum(ids, album.id(), !move);
                    result.put("album", album.id());
                    result.put(move ? "movedAssets" : "copiedAssets", ids);
                    text = (move ? "moved " : "copied ") + TextFormat.count(ids.size(), "asset") + " into "
                            + TextFormat.text(album.title());
                }
                case REMOVE -> {
                    need(2, "remove ALBUM ID...");
                    Album album = resolve(opened, args.getFirst());
                    List<String> ids = args.subList(1, args.size());
                    opened.removeAssetsFromAlbum(ids, album.id());
                    result.put("album", album.id());
                    result.put("removedAssets", ids);
                    text = "moved " + TextFormat.count(ids.size(), "asset") + " out of "
                            + TextFormat.text(album.title());
                }
                case RENAME -> {
                    if (args.size() != 2) {
                        throw usage("album rename ALBUM NAME");
                    }
                    Album old = resolve(opened, args.getFirst());
                    Album album = opened.renameAlbum(old.id(), args.get(1));
                    result.put("album", album);
                    text = "renamed album " + TextFormat.text(old.title()) + " to " + TextFormat.text(album.title());
                }
                case DELETE -> {
                    need(1, "delete ALBUM...");
                    List<String> ids = new ArrayList<>();
                    for (String album : args) {
                        ids.add(resolve(opened, album).id());
                    }
                    opened.deleteAlbums(ids, removeAssets);
                    result.put("deletedAlbums", ids);
                    text = "deleted " + TextFormat.count(ids.size(), "album")
                            + (removeAssets
                                    ? "; their assets are in the trash"
                                    : "; their assets are in the default album");
                }
                default -> throw new IllegalStateException(chosen.name());
            }
        }
        PrintWriter out = library.out();
        out.println(library.json() ? ApiJson.write(result) : text);
        out.flush();
        return 0;
    }

    private Action parseAction() {
        try {
            return Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("unknown album action '" + action + "' (expected create, add, remove, rename or delete)");
        }
    }

    private void need(int count, String form) {
        if (args.size() < count) {
            throw usage("album " + form);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A folder album by exact title, else by id. */
    private static Album resolve(MediaLibrary opened, String titleOrId) {
        for (Album album : opened.getAlbums(false)) {
            if (album.type() == AlbumType.ALBUM
                    && (album.title().equals(titleOrId) || album.id().equals(titleOrId))) {
                return album;
            }
        }
        throw new CamrollException(
                ErrorCode.NOT_FOUND,
                "no album titled or with id " + titleOrId + " (see camroll albums)",
                Map.of(NotFoundException.KIND, "album", NotFoundException.IDS, List.of(titleOrId)),
                null);
    }
}
