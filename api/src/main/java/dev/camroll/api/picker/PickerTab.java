package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/** The tab the picker page opens on (expo's {@code defaultTab}). */
public enum PickerTab {
    PHOTOS("photos"),
    ALBUMS("albums");

    private final String wireName;

    PickerTab(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PickerTab parse(String name) {
        for (PickerTab tab : values()) {
            if (tab.wireName.equals(name)) {
                return tab;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.DEFAULT_TAB, "defaultTab: unknown tab '" + name + "' (expected photos or albums)");
    }
}
