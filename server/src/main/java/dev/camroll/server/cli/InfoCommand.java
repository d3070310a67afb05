package dev.camroll.server.cli;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.wire.ApiJson;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Shows assets with their details and metadata, as getAssetInfoAsync (--json: the"
                + " object of one id, an array for several).")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "The asset ids (see camroll assets).")
    private List<String> ids;

    @Override
    public Integer call() {
        List<String> distinct = ids.stream().distinct().toList();
        List<AssetInfo> infos = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (MediaLibrary opened = library.openForQuery()) {
            for (String id : distinct) {
                AssetInfo info = opened.getAssetInfo(id);
                if (info == null) {
                    missing.add(id);
                } else {
                    infos.add(info);
                }
            }
        }
        // As rm and trash: an unknown id fails the whole command, and the message names them all.
        if (!missing.isEmpty()) {
            throw new CamrollException(
                    ErrorCode.NOT_FOUND,
                    (missing.size() == 1 ? "no asset with id " : "no assets with ids ") + String.join(", ", missing),
                    Map.of(NotFoundException.KIND, "asset", NotFoundException.IDS, missing),
                    null);
        }
        PrintWriter out = library.out();
        if (library.json()) {
            // One id prints the object as before; several print an array in the order given.
            out.println(infos.size() == 1 ? ApiJson.write(infos.getFirst()) : ApiJson.write(infos));
        } else {
            StringBuilder text = new StringBuilder();
            for (AssetInfo info : infos) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(text(info, library.timeZone()));
            }
            out.print(text);
        }
        out.flush();
        return 0;
    }

    static String text(AssetInfo info, ZoneId zone) {
        Asset asset = info.asset();
        var fields = new TextFormat.Table("field", "value").withoutHeaders();
        fields.row("id", asset.id());
        fields.row("filename", TextFormat.text(asset.filename()));
        fields.row("type", type(asset));
        fields.row("size", asset.width() + "x" + asset.height());
        fields.row("created", TextFormat.localTime(asset.creationTime(), zone));
        fields.row("modified", TextFormat.localTime(asset.modificationTime(), zone));
        if (asset.mediaType() != MediaType.PHOTO) {
            fields.row("duration", TextFormat.duration(asset.duration()));
        }
        fields.row("album", TextFormat.text(asset.albumId()));
        fields.row("uri", TextFormat.text(asset.uri()));
        fields.row("localUri", TextFormat.text(info.localUri()));
        fields.row("mimeType", TextFormat.text(info.mimeType()));
        fields.row("fileSize", TextFormat.fileSize(info.fileSize()) + " (" + info.fileSize() + " bytes)");
        String camera = camera(info);
        if (!camera.isEmpty()) {
            fields.row("camera", camera);
        }
        if (info.location() != null) {
            fields.row(
                    "location",
                    String.format(
                            Locale.ROOT,
                            "%.6f, %.6f",
                            info.location().latitude(),
                            info.location().longitude()));
        }
        fields.row("orientation", Integer.toString(info.orientation()));
        fields.row("favorite", info.isFavorite() ? "yes" : "no");
        StringBuilder text = new StringBuilder(fields.toString());
        for (var directory : new TreeMap<>(info.exif()).entrySet()) {
            text.append('\n').append(directory.getKey()).append('\n');
            var tags = new TextFormat.Table("tag", "value").withoutHeaders();
            for (Map.Entry<String, String> tag : new TreeMap<>(directory.getValue()).entrySet()) {
                tags.row("  " + tag.getKey(), TextFormat.text(tag.getValue()));
            }
            text.append(tags);
        }
        return text.toString();
    }

    private static String type(Asset asset) {
        String subtypes =
                asset.mediaSubtypes().stream().map(MediaSubtype::wireName).collect(Collectors.joining(", "));
        return asset.mediaType().wireName() + (subtypes.isEmpty() ? "" : " (" + subtypes + ")");
    }

    private static String camera(AssetInfo info) {
        String make = TextFormat.text(info.cameraMake()).strip();
        String model = TextFormat.text(info.cameraModel()).strip();
        // Models often repeat the make ("Canon" + "Canon EOS R5").
        return model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))
                ? model
                : (make + " " + model).strip();
    }
}
