package dev.camroll.core.library;

import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.store.AssetFilter;

/**
 * The virtual albums, defined by a rule; their ids are fixed names, never a folder's id. As on a
 * phone, Favorites and Recents are always listed, Videos and the albums of a subtype only when
 * they hold something.
 */
enum SmartAlbum {
    FAVORITES("smart-favorites", "Favorites", new AssetFilter.Favorites(), true),
    RECENTS("smart-recents", "Recents", new AssetFilter.All(), true),
    VIDEOS("smart-videos", "Videos", new AssetFilter.OfMediaType(MediaType.VIDEO), false),
    SELFIES("smart-selfies", "Selfies", MediaSubtype.SELFIE),
    SCREENSHOTS("smart-screenshots", "Screenshots", MediaSubtype.SCREENSHOT),
    PANORAMAS("smart-panoramas", "Panoramas", MediaSubtype.PANORAMA),
    LIVE_PHOTOS("smart-live-photos", "Live Photos", MediaSubtype.LIVE_PHOTO),
    BURSTS("smart-bursts", "Bursts", MediaSubtype.BURST),
    PORTRAIT("smart-portrait", "Portrait", MediaSubtype.DEPTH_EFFECT),
    SLO_MO("smart-slo-mo", "Slo-mo", MediaSubtype.HIGH_FRAME_RATE),
    TIME_LAPSE("smart-time-lapse", "Time-lapse", MediaSubtype.TIMELAPSE),
    SCREEN_RECORDINGS("smart-screen-recordings", "Screen Recordings", MediaSubtype.SCREEN_RECORDING),
    ANIMATED("smart-animated", "Animated", MediaSubtype.ANIMATED),
    RAW("smart-raw", "RAW", MediaSubtype.RAW);

    private final String id;
    private final String title;
    private final AssetFilter filter;
    private final boolean alwaysListed;

    SmartAlbum(String id, String title, AssetFilter filter, boolean alwaysListed) {
        this.id = id;
        this.title = title;
        this.filter = filter;
        this.alwaysListed = alwaysListed;
    }

    SmartAlbum(String id, String title, MediaSubtype subtype) {
        this(id, title, new AssetFilter.WithSubtype(subtype), false);
    }

    /** Whether the album is listed when it holds nothing. */
    boolean alwaysListed() {
        return alwaysListed;
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
