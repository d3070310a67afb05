package dev.camroll.core.picker;

import dev.camroll.api.Asset;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.library.ScopedLibrary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the person's choice against the session's options and the owner's library, before any
 * file is made: the person picks from their whole library (whatever the app sees), only media of
 * the asked types, at most the asked number, each once; an edit only of a single photo of a
 * session that allows editing, its crop keeping the asked aspect within a pixel; no video longer
 * than {@code videoMaxDuration}.
 */
final class ChoiceCheck {
    static final String ASSET_IDS = "assetIds";
    static final String EDIT = "edit";

    private ChoiceCheck() {}

    /** The chosen assets, in the order chosen. */
    static List<Asset> check(PickerChoice choice, PickerOptions options, ScopedLibrary owner) {
        List<String> ids = choice.assetIds();
        if (ids.isEmpty()) {
            throw InvalidArgumentException.of(ASSET_IDS, "assetIds: nothing was picked (cancel the session instead)");
        }
        if (ids.size() > options.maxItems()) {
            throw InvalidArgumentException.of(
                    ASSET_IDS, "assetIds: " + ids.size() + " items picked, the session allows " + options.maxItems());
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw InvalidArgumentException.of(ASSET_IDS, "assetIds: an item is picked twice");
        }
        Map<String, Asset> found =
                owner.assetsById(ids).stream().collect(Collectors.toMap(Asset::id, Function.identity()));
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("asset", missing);
        }
        List<Asset> assets = ids.stream().map(found::get).toList();
        for (Asset asset : assets) {
            checkType(asset, options.mediaTypes());
            if (asset.mediaType() == MediaType.VIDEO
                    && options.videoMaxDuration() > 0
                    && asset.duration() > options.videoMaxDuration()) {
                throw InvalidArgumentException.of(
                        PickerOptions.VIDEO_MAX_DURATION,
                        "videoMaxDuration: the video " + asset.id() + " lasts " + asset.duration()
                                + " s, longer than the " + options.videoMaxDuration() + " s allowed");
            }
        }
        if (choice.edit() != null) {
            checkEdit(choice.edit(), options, assets);
        }
        return assets;
    }

    private static void checkType(Asset asset, Set<PickerMediaType> types) {
        boolean allowed =
                switch (asset.mediaType()) {
                    case PHOTO ->
                        types.contains(PickerMediaType.IMAGES)
                                || (types.contains(PickerMediaType.LIVE_PHOTOS)
                                        && asset.mediaSubtypes().contains(MediaSubtype.LIVE_PHOTO));
                    case VIDEO -> types.contains(PickerMediaType.VIDEOS);
                    default -> false;
                };
        if (!allowed) {
            throw InvalidArgumentException.of(
                    PickerOptions.MEDIA_TYPES,
                    "mediaTypes: the item " + asset.id() + " is a "
                            + asset.mediaType().name().toLowerCase(java.util.Locale.ROOT)
                            + ", which the session does not offer ("
                            + types.stream()
                                    .map(PickerMediaType::wireName)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
    }

    private static void checkEdit(PhotoEdit edit, PickerOptions options, List<Asset> assets) {
        if (!options.editing()) {
            throw InvalidArgumentException.of(EDIT, "edit: the session does not allow editing");
        }
        if (assets.size() != 1 || assets.getFirst().mediaType() != MediaType.PHOTO) {
            throw InvalidArgumentException.of(EDIT, "edit: only a single photo is edited");
        }
        if (edit.crop() != null
                && options.aspect() != null
                && !edit.crop().keeps(options.aspect().ratio())) {
            throw InvalidArgumentException.of(
                    CropRect.PARAMETER,
                    "crop: " + edit.crop().width() + " x " + edit.crop().height() + " does not keep the aspect "
                            + options.aspect().x() + ":" + options.aspect().y());
        }
    }
}
