package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.api.SortField;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Writes values field by field, in the order of each record's components. */
final class Values {
    private Values() {}

    static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Boolean flag -> out.writeBoolean(flag);
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case Double number -> out.writeNumber(number);
            case MediaType type -> out.writeString(type.wireName());
            case MediaSubtype subtype -> out.writeString(subtype.wireName());
            case AlbumType type -> out.writeString(type.wireName());
            case SortField field -> out.writeString(field.wireName());
            case ErrorCode code -> out.writeString(code.wireName());
            case Asset asset -> {
                out.writeStartObject();
                assetFields(out, asset);
                out.writeEndObject();
            }
            case AssetInfo info -> assetInfo(out, info);
            case Album album -> album(out, album);
            case AssetPage page -> assetPage(out, page);
            case MonthCounts counts -> monthCounts(out, counts);
            case ChangeSet changes -> changeSet(out, changes);
            case ScanReport report -> scanReport(out, report);
            case ScanWarning warning -> scanWarning(out, warning);
            case Location location -> location(out, location);
            case PermissionResponse response -> Permissions.write(out, response);
            case PermissionRequest request -> Permissions.write(out, request);
            case WireError error -> error.write(out);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    write(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> values -> {
                out.writeStartArray();
                for (Object element : values) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            default ->
                throw new IllegalArgumentException(
                        "no JSON form for " + value.getClass().getName());
        }
    }

    private static void assetFields(JsonGenerator out, Asset asset) throws IOException {
        out.writeStringField("id", asset.id());
        out.writeStringField("filename", asset.filename());
        out.writeStringField("uri", asset.uri());
        field(out, "mediaType", asset.mediaType());
        field(out, "mediaSubtypes", asset.mediaSubtypes());
        out.writeNumberField("width", asset.width());
        out.writeNumberField("height", asset.height());
        out.writeNumberField("creationTime", asset.creationTime());
        out.writeNumberField("modificationTime", asset.modificationTime());
        out.writeNumberField("duration", asset.duration());
        out.writeStringField("albumId", asset.albumId());
    }

    /** Flat: the asset's fields first, then the details, as getAssetInfoAsync returns them. */
    private static void assetInfo(JsonGenerator out, AssetInfo info) throws IOException {
        out.writeStartObject();
        if (info.asset() != null) {
            assetFields(out, info.asset());
        }
        field(out, "exif", info.exif());
        field(out, "location", info.location());
        out.writeStringField("localUri", info.localUri());
        out.writeNumberField("orientation", info.orientation());
        out.writeBooleanField("isFavorite", info.isFavorite());
        out.writeBooleanField("isNetworkAsset", info.isNetworkAsset());
        out.writeStringField("mimeType", info.mimeType());
        out.writeNumberField("fileSize", info.fileSize());
        out.writeStringField("cameraMake", info.cameraMake());
        out.writeStringField("cameraModel", info.cameraModel());
        out.writeFieldName("audioTags");
        if (info.audioTags() == null) {
            out.writeNull();
        } else {
            audioTags(out, info.audioTags());
        }
        out.writeStringField("burstId", info.burstId());
        out.writeStringField("pairedVideoUri", info.pairedVideoUri());
        out.writeEndObject();
    }

    /** Every field, null where the file has no such tag, as the other records are written. */
    private static void audioTags(JsonGenerator out, AssetInfo.AudioTags tags) throws IOException {
        out.writeStartObject();
        out.writeStringField("title", tags.title());
        out.writeStringField("artist", tags.artist());
        out.writeStringField("album", tags.album());
        field(out, "track", tags.track());
        field(out, "year", tags.year());
        out.writeStringField("genre", tags.genre());
        out.writeEndObject();
    }

    private static void album(JsonGenerator out, Album album) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", album.id());
        out.writeStringField("title", album.title());
        out.writeNumberField("assetCount", album.assetCount());
        field(out, "type", album.type());
        // A moment's span and place (expo's optional Album fields); absent for other albums.
        if (album.startTime() != null) {
            out.writeNumberField("startTime", album.startTime());
        }
        if (album.endTime() != null) {
            out.writeNumberField("endTime", album.endTime());
        }
        if (album.approximateLocation() != null) {
            field(out, "approximateLocation", album.approximateLocation());
        }
        if (album.locationNames() != null) {
            field(out, "locationNames", album.locationNames());
        }
        out.writeEndObject();
    }

    private static void assetPage(JsonGenerator out, AssetPage page) throws IOException {
        out.writeStartObject();
        field(out, "assets", page.assets());
        out.writeStringField("endCursor", page.endCursor());
        out.writeBooleanField("hasNextPage", page.hasNextPage());
        out.writeNumberField("totalCount", page.totalCount());
        out.writeEndObject();
    }

    private static void monthCounts(JsonGenerator out, MonthCounts counts) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("months");
        for (MonthCount month : counts.months()) {
            out.writeStartObject();
            out.writeStringField("month", month.month().toString());
            out.writeNumberField("count", month.count());
            out.writeNumberField("start", month.start());
            out.writeNumberField("end", month.end());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeNumberField("totalCount", counts.totalCount());
        out.writeEndObject();
    }

    private static void changeSet(JsonGenerator out, ChangeSet changes) throws IOException {
        out.writeStartObject();
        out.writeBooleanField("hasIncrementalChanges", changes.hasIncrementalChanges());
        field(out, "insertedAssets", changes.insertedAssets());
        field(out, "updatedAssets", changes.updatedAssets());
        field(out, "deletedAssets", changes.deletedAssets());
        out.writeStringField("nextToken", changes.nextToken());
        out.writeEndObject();
    }

    private static void scanReport(JsonGenerator out, ScanReport report) throws IOException {
        out.writeStartObject();
        out.writeNumberField("added", report.added());
        out.writeNumberField("changed", report.changed());
        out.writeNumberField("removed", report.removed());
        out.writeNumberField("unchanged", report.unchanged());
        field(out, "warnings", report.warnings());
        out.writeNumberField("elapsedMillis", report.elapsedMillis());
        out.writeEndObject();
    }

    private static void scanWarning(JsonGenerator out, ScanWarning warning) throws IOException {
        out.writeStartObject();
        out.writeStringField("path", warning.path());
        out.writeStringField("message", warning.message());
        out.writeBooleanField("indexed", warning.indexed());
        out.writeEndObject();
    }

    private static void location(JsonGenerator out, Location location) throws IOException {
        out.writeStartObject();
        out.writeNumberField("latitude", location.latitude());
        out.writeNumberField("longitude", location.longitude());
        out.writeEndObject();
    }

    static void field(JsonGenerator out, String name, Object value) throws IOException {
        out.writeFieldName(name);
        write(out, value);
    }
}
