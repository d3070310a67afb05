package dev.camroll.core.library;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.store.AssetFilter;

/** The virtual albums, defined by a rule; their ids are fixed names, never a folder's id. */
enum SmartAlbum {
    FAVORITES("smart-favorites", "Favorites", new AssetFilter.Favorites()),
    RECENTS("smart-recents", "Recents", new AssetFilter.All()),
    SCREENSHOTS("smart-screenshots", "Screenshots", new AssetFilter.WithSubtype(MediaSubtype.SCREENSHOT)),
    PANORAMAS("smart-panoramas", "Panoramas", new AssetFilter.WithSubtype(MediaSubtype.PANORAMA));

    private final String id;
    private final String title;
    private final AssetFilter filter;

    SmartAlbum(String id, String title, AssetFilter filter) {
        this.id = id;
        this.title = title;
        this.filter = filter;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    AssetFilter filter() {
        return filter;
    }

    static SmartAlbum byId(String id) {
        for (SmartAlbum album : values()) {
            if (album.id.equals(id)) {
                return album;
            }
        }
        return null;
    }
}
