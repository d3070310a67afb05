package dev.camroll.core.store;

/**
 * The sets of assets the index keeps per app in {@code app_view_assets} (see V11__app_views.sql),
 * each by the code its rows carry in {@code kind}.
 */
enum AppView {
    /** The items selected for the app, those of the folders selected whole, and those it created. */
    LIMITED(1),
    /** The items the app created. */
    CREATED(2);

    private final int code;

    AppView(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
