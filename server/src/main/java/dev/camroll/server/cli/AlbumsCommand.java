package dev.camroll.server.cli;

import dev.camroll.api.Album;
import dev.camroll.api.MediaLibrary;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "albums",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Lists the albums (folders holding assets) of LIBRARY, as getAlbumsAsync.")
final class AlbumsCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Option(names = "--smart", description = "Also list the smart albums (Favorites, Videos, Screenshots, ...).")
    private boolean smart;

    @Override
    public Integer call() {
        List<Album> albums;
        try (MediaLibrary opened = library.openForQuery()) {
            albums = opened.getAlbums(smart);
        }
        PrintWriter out = library.out();
        out.print(library.json() ? ApiJson.write(albums) + "\n" : table(albums));
        out.flush();
        return 0;
    }

    static String table(List<Album> albums) {
        var table = new TextFormat.Table("id", "title", "type", "assets").alignRight(3);
        for (Album album : albums) {
            table.row(
                    album.id(),
                    TextFormat.text(album.title()),
                    album.type().wireName(),
                    Integer.toString(album.assetCount()));
        }
        return table.toString() + albums.size() + (albums.size() == 1 ? " album" : " albums") + "\n";
    }
}
