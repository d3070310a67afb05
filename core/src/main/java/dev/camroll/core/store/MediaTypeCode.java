package dev.camroll.core.store;

import dev.camroll.api.ErrorCode;
import dev.camroll.api.MediaType;

/** The stable codes under which media types are stored (never the enum ordinal). */
public final class MediaTypeCode {
    private MediaTypeCode() {}

    public static int of(MediaType type) {
        return switch (type) {
            case PHOTO -> 1;
            case VIDEO -> 2;
            case AUDIO -> 3;
        };
    }

    public static MediaType from(int code) {
        return switch (code) {
            case 1 -> MediaType.PHOTO;
            case 2 -> MediaType.VIDEO;
            case 3 -> MediaType.AUDIO;
            default ->
                throw new StoreException(ErrorCode.DAMAGED_INDEX, "unknown media type code in the index: " + code);
        };
    }
}
