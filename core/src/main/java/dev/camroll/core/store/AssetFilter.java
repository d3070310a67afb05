package dev.camroll.core.store;

import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;

/** Which assets an album-like selection holds: a folder, or the rule of a smart album. */
public sealed interface AssetFilter {
    /** Every asset (the Recents smart album, or no album asked). */
    record All() implements AssetFilter {}

    /** The assets of one folder. */
    record InFolder(long albumRowId) implements AssetFilter {}

    /** Assets marked as favorites. */
    record Favorites() implements AssetFilter {}

    /** The photos and videos of a moment (see {@code MomentStore}). */
    record InMoment(long momentRowId) implements AssetFilter {}

    /** Assets with a subtype (screenshots, panoramas). */
    record WithSubtype(MediaSubtype subtype) implements AssetFilter {}

    /** Assets of one media type (the Videos smart album). */
    record OfMediaType(MediaType mediaType) implements AssetFilter {}
}
