package dev.camroll.core.testing;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;

/** Queries the tests of writes share. */
public final class TestQueries {
    /** Every asset of a test library, on one page. */
    public static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
            .first(AssetQuery.MAX_FIRST)
            .build();

    private TestQueries() {}
}
