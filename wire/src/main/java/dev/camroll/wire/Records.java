package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCount;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the API's records back from what {@link Values} writes. */
final class Records {
    private Records() {}

    /** The fields of an Asset, gathered while an object is read (an AssetInfo holds them too). */
    private static final class AssetFields {
        String id;
        String filename;
        String uri;
        MediaType mediaType = MediaType.PHOTO;
        List<MediaSubtype> mediaSubtypes = List.of();
        int width;
        int height;
        long creationTime;
        long modificationTime;
        double duration;
        String albumId;

        /** Takes the field if it is one of an asset's; false when it is not. */
        boolean take(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "id" -> id = Fields.string(parser);
                case "filename" -> filename = Fields.string(parser);
                case "uri" -> uri = Fields.string(parser);
                case "mediaType" -> mediaType = MediaType.fromWireName(Fields.string(parser));
                case "mediaSubtypes" -> mediaSubtypes = subtypes(parser);
                case "width" -> width = (int) Fields.number(parser);
                case "height" -> height = (int) Fields.number(parser);
                case "creationTime" -> creationTime = Fields.number(parser);
                case "modificationTime" -> modificationTime = Fields.number(parser);
                case "duration" -> duration = Fields.decimal(parser);
                case "albumId" -> albumId = Fields.string(parser);
                default -> {
                    return false;
                }
            }
            return true;
        }

        Asset asset() {
            return new Asset(
                    id,
                    filename,
                    uri,
                    mediaType,
                    mediaSubtypes,
                    width,
                    height,
                    creationTime,
                    modificationTime,
                    duration,
                    albumId);
        }
    }

    static Asset asset(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        AssetFields fields = new AssetFields();
        Fields.object(parser, (name, p) -> {
            if (!fields.take(name, p)) {
                Fields.skip(p);
            }
        });
        return fields.asset();
    }

    /** Flat, as written: the asset's fields and the details side by side. */
    static AssetInfo assetInfo(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        AssetFields asset = new AssetFields();
        var details = new Object() {
            Map<String, Map<String, String>> exif = Map.of();
            Location location;
            String localUri;
            int orientation = 1;
            boolean isFavorite;
            boolean isNetworkAsset;
            String mimeType;
            long fileSize;
            String cameraMake;
            String cameraModel;
            AssetInfo.AudioTags audioTags;
            String burstId;
            String pairedVideoUri;
        };
        Fields.object(parser, (name, p) -> {
            if (asset.take(name, p)) {
                return;
            }
            switch (name) {
                case "exif" -> details.exif = Fields.map(p, q -> Fields.map(q, Fields::string));
                case "location" -> details.location = location(p);
                case "localUri" -> details.localUri = Fields.string(p);
                case "orientation" -> details.orientation = (int) Fields.number(p);
                case "isFavorite" -> details.isFavorite = Fields.bool(p);
                case "isNetworkAsset" -> details.isNetworkAsset = Fields.bool(p);
                case "mimeType" -> details.mimeType = Fields.string(p);
                case "fileSize" -> details.fileSize = Fields.number(p);
                case "cameraMake" -> details.cameraMake = Fields.string(p);
                case "cameraModel" -> details.cameraModel = Fields.string(p);
                case "audioTags" -> details.audioTags = audioTags(p);
                case "burstId" -> details.burstId = Fields.string(p);
                case "pairedVideoUri" -> details.pairedVideoUri = Fields.string(p);
                default -> Fields.skip(p);
            }
        });
        return new AssetInfo(
                asset.asset(),
                details.exif,
                details.location,
                details.localUri,
                details.orientation,
                details.isFavorite,
                details.isNetworkAsset,
                details.mimeType,
                details.fileSize,
                details.cameraMake,
                details.cameraModel,
                details.audioTags,
                details.burstId,
                details.pairedVideoUri);
    }

    static AssetInfo.AudioTags audioTags(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String[] text = new String[4];
        Integer[] numbers = new Integer[2];
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "title" -> text[0] = Fields.string(p);
                case "artist" -> text[1] = Fields.string(p);
                case "album" -> text[2] = Fields.string(p);
                case "genre" -> text[3] = Fields.string(p);
                case "track" -> numbers[0] = nullableInt(p);
                case "year" -> numbers[1] = nullableInt(p);
                default -> Fields.skip(p);
            }
        });
        return new AssetInfo.AudioTags(text[0], text[1], text[2], numbers[0], numbers[1], text[3]);
    }

    private static Integer nullableInt(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : Math.toIntExact(Fields.number(parser));
    }

    static Location location(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        double[] position = new double[2];
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "latitude" -> position[0] = Fields.decimal(p);
                case "longitude" -> position[1] = Fields.decimal(p);
                default -> Fields.skip(p);
            }
        });
        return new Location(position[0], position[1]);
    }

    static Album album(JsonParser parser) throws IOException {
        var album = new Object() {
            String id;
            String title;
            int assetCount;
            AlbumType type = AlbumType.ALBUM;
            Long startTime;
            Long endTime;
            Location approximateLocation;
            List<String> locationNames;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "id" -> album.id = Fields.string(p);
                case "title" -> album.title = Fields.string(p);
                case "assetCount" -> album.assetCount = (int) Fields.number(p);
                case "type" -> album.type = albumType(Fields.string(p));
                case "startTime" -> album.startTime = Fields.number(p);
                case "endTime" -> album.endTime = Fields.number(p);
                case "approximateLocation" -> album.approximateLocation = location(p);
                case "locationNames" -> album.locationNames = Fields.strings(p);
                default -> Fields.skip(p);
            }
        });
        return new Album(
                album.id,
                album.title,
                album.assetCount,
                album.type,
                album.startTime,
                album.endTime,
                album.approximateLocation,
                album.locationNames);
    }

    static AssetPage assetPage(JsonParser parser) throws IOException {
        var page = new Object() {
            List<Asset> assets = List.of();
            String endCursor;
            boolean hasNextPage;
            long totalCount;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "assets" -> page.assets = Fields.list(p, Records::asset);
                case "endCursor" -> page.endCursor = Fields.string(p);
                case "hasNextPage" -> page.hasNextPage = Fields.bool(p);
                case "totalCount" -> page.totalCount = Fields.number(p);
                default -> Fields.skip(p);
            }
        });
        return new AssetPage(page.assets, page.endCursor, page.hasNextPage, page.totalCount);
    }

    static MonthCounts monthCounts(JsonParser parser) throws IOException {
        var counts = new Object() {
            List<MonthCount> months = List.of();
            long totalCount;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "months" -> counts.months = Fields.list(p, Records::monthCount);
                case "totalCount" -> counts.totalCount = Fields.number(p);
                default -> Fields.skip(p);
            }
        });
        return new MonthCounts(counts.months, counts.totalCount);
    }

    private static MonthCount monthCount(JsonParser parser) throws IOException {
        var month = new Object() {
            YearMonth month;
            long count;
            long start;
            long end;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "month" -> month.month = YearMonth.parse(Fields.string(p));
                case "count" -> month.count = Fields.number(p);
                case "start" -> month.start = Fields.number(p);
                case "end" -> month.end = Fields.number(p);
                default -> Fields.skip(p);
            }
        });
        return new MonthCount(month.month, month.count, month.start, month.end);
    }

    static ChangeSet changeSet(JsonParser parser) throws IOException {
        var changes = new Object() {
            boolean hasIncrementalChanges;
            List<String> inserted = List.of();
            List<String> updated = List.of();
            List<String> deleted = List.of();
            String nextToken;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "hasIncrementalChanges" -> changes.hasIncrementalChanges = Fields.bool(p);
                case "insertedAssets" -> changes.inserted = Fields.strings(p);
                case "updatedAssets" -> changes.updated = Fields.strings(p);
                case "deletedAssets" -> changes.deleted = Fields.strings(p);
                case "nextToken" -> changes.nextToken = Fields.string(p);
                default -> Fields.skip(p);
            }
        });
        return new ChangeSet(
                changes.hasIncrementalChanges, changes.inserted, changes.updated, changes.deleted, changes.nextToken);
    }

    static ScanReport scanReport(JsonParser parser) throws IOException {
        var report = new Object() {
            int added;
            int changed;
            int removed;
            int unchanged;
            List<ScanWarning> warnings = List.of();
            long elapsedMillis;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "added" -> report.added = (int) Fields.number(p);
                case "changed" -> report.changed = (int) Fields.number(p);
                case "removed" -> report.removed = (int) Fields.number(p);
                case "unchanged" -> report.unchanged = (int) Fields.number(p);
                case "warnings" -> report.warnings = Fields.list(p, Records::scanWarning);
                case "elapsedMillis" -> report.elapsedMillis = Fields.number(p);
                default -> Fields.skip(p);
            }
        });
        return new ScanReport(
                report.added, report.changed, report.removed, report.unchanged, report.warnings, report.elapsedMillis);
    }

    static ScanWarning scanWarning(JsonParser parser) throws IOException {
        var warning = new Object() {
            String path;
            String message;
            boolean indexed;
        };
        Fields.object(parser, (name, p) -> {
            switch (name) {
                case "path" -> warning.path = Fields.string(p);
                case "message" -> warning.message = Fields.string(p);
                case "indexed" -> warning.indexed = Fields.bool(p);
                default -> Fields.skip(p);
            }
        });
        return new ScanWarning(warning.path, warning.message, warning.indexed);
    }

    /** Subtypes by wire name; one this reader does not know (a newer writer's) is left out. */
    private static List<MediaSubtype> subtypes(JsonParser parser) throws IOException {
        List<MediaSubtype> subtypes = new ArrayList<>();
        for (String name : Fields.strings(parser)) {
            for (MediaSubtype subtype : MediaSubtype.values()) {
                if (subtype.wireName().equals(name)) {
                    subtypes.add(subtype);
                }
            }
        }
        return subtypes;
    }

    private static AlbumType albumType(String name) throws IOException {
        for (AlbumType type : AlbumType.values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IOException("unknown album type '" + name + "'");
    }
}
