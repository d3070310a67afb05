package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.AssetRepresentationMode;
import dev.camroll.api.picker.CameraType;
import dev.camroll.api.picker.CropShape;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.api.picker.PickerTab;
import dev.camroll.api.picker.VideoExportPreset;
import dev.camroll.api.picker.VideoQuality;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of {@link PickerOptions}: the object an app passes to {@code
 * launchImageLibraryAsync}, with expo's names and values (enums of numbers as expo's numbers, or
 * their names). Strict, unlike the records' reading: an option Camroll does not know, or a value
 * of the wrong kind, is refused naming the option, so that a misspelt {@code selectionLimt} is not
 * silently a picker without a limit.
 */
public final class PickerOptionsJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** expo's UIImagePickerPresentationStyle values: accepted, of no effect in a web page. */
    private static final Set<String> PRESENTATION_STYLES = Set.of(
            "fullScreen",
            "pageSheet",
            "formSheet",
            "currentContext",
            "overFullScreen",
            "overCurrentContext",
            "popover",
            "automatic");

    private static final List<String> NAMES = List.of(
            PickerOptions.MEDIA_TYPES,
            PickerOptions.ALLOWS_EDITING,
            PickerOptions.ASPECT,
            PickerOptions.SHAPE,
            PickerOptions.QUALITY,
            PickerOptions.EXIF,
            PickerOptions.BASE64,
            PickerOptions.VIDEO_EXPORT_PRESET,
            PickerOptions.VIDEO_QUALITY,
            PickerOptions.ALLOWS_MULTIPLE_SELECTION,
            PickerOptions.SELECTION_LIMIT,
            PickerOptions.ORDERED_SELECTION,
            PickerOptions.DEFAULT_TAB,
            PickerOptions.VIDEO_MAX_DURATION,
            PickerOptions.REPRESENTATION_MODE,
            PickerOptions.CAMERA_TYPE,
            PickerOptions.PRESENTATION_STYLE);

    private PickerOptionsJson() {}

    /** The options of a JSON object; an empty body or {@code null} is expo's defaults. */
    public static PickerOptions read(String json) {
        if (json == null || json.isBlank()) {
            return PickerOptions.defaults();
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                return PickerOptions.defaults();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidArgumentException("the picker's options must be a JSON object");
            }
            PickerOptions.Builder options = PickerOptions.builder();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (parser.currentToken() != JsonToken.VALUE_NULL) {
                    option(options, name, parser);
                } else if (!NAMES.contains(name)) {
                    throw unknown(name);
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidArgumentException("the picker's options: text after the JSON object");
            }
            return options.build();
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException("the picker's options are not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void option(PickerOptions.Builder options, String name, JsonParser parser) throws IOException {
        switch (name) {
            case PickerOptions.MEDIA_TYPES -> options.mediaTypes(mediaTypes(parser));
            case PickerOptions.ALLOWS_EDITING -> options.allowsEditing(bool(name, parser));
            case PickerOptions.ASPECT -> options.aspect(aspect(parser));
            case PickerOptions.SHAPE -> options.shape(CropShape.parse(text(name, parser)));
            case PickerOptions.QUALITY -> options.quality(number(name, parser));
            case PickerOptions.EXIF -> options.exif(bool(name, parser));
            case PickerOptions.BASE64 -> options.base64(bool(name, parser));
            case PickerOptions.VIDEO_EXPORT_PRESET ->
                options.videoExportPreset(
                        parser.currentToken() == JsonToken.VALUE_STRING
                                ? VideoExportPreset.parse(parser.getText())
                                : VideoExportPreset.ofNumber(whole(name, parser)));
            case PickerOptions.VIDEO_QUALITY -> options.videoQuality(VideoQuality.ofNumber(whole(name, parser)));
            case PickerOptions.ALLOWS_MULTIPLE_SELECTION -> options.allowsMultipleSelection(bool(name, parser));
            case PickerOptions.SELECTION_LIMIT ->
                // Out of int's range stays out of range: the options' own check names it.
                options.selectionLimit((int) Math.clamp(whole(name, parser), -1L, PickerOptions.MAX_SELECTION + 1L));
            case PickerOptions.ORDERED_SELECTION -> options.orderedSelection(bool(name, parser));
            case PickerOptions.DEFAULT_TAB -> options.defaultTab(PickerTab.parse(text(name, parser)));
            case PickerOptions.VIDEO_MAX_DURATION -> options.videoMaxDuration(number(name, parser));
            case PickerOptions.REPRESENTATION_MODE ->
                options.representationMode(AssetRepresentationMode.parse(text(name, parser)));
            case PickerOptions.CAMERA_TYPE -> options.cameraType(CameraType.parse(text(name, parser)));
            case PickerOptions.PRESENTATION_STYLE -> {
                String style = text(name, parser);
                if (!PRESENTATION_STYLES.contains(style)) {
                    throw InvalidArgumentException.of(
                            name,
                            name + ": unknown style '" + style
                                    + "' (expected one of expo's UIImagePickerPresentationStyle)");
                }
            }
            default -> throw unknown(name);
        }
    }

    private static InvalidArgumentException unknown(String name) {
        return InvalidArgumentException.of(
                name, "unknown picker option '" + name + "' (expected one of " + String.join(", ", NAMES) + ")");
    }

    /** One name, or an array of them. */
    private static Set<PickerMediaType> mediaTypes(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return PickerMediaType.parse(parser.getText());
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw InvalidArgumentException.of(
                    PickerOptions.MEDIA_TYPES, "mediaTypes: expected a name or an array of names, as [\"images\"]");
        }
        Set<PickerMediaType> types = EnumSet.noneOf(PickerMediaType.class);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            types.addAll(PickerMediaType.parse(text(PickerOptions.MEDIA_TYPES, parser)));
        }
        return types;
    }

    private static Aspect aspect(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw InvalidArgumentException.of(PickerOptions.ASPECT, "aspect: expected [x, y], as [4, 3]");
        }
        double[] xy = new double[2];
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            double value = number(PickerOptions.ASPECT, parser);
            if (count < 2) {
                xy[count] = value;
            }
            count++;
        }
        if (count != 2) {
            throw InvalidArgumentException.of(PickerOptions.ASPECT, "aspect: expected two numbers, found " + count);
        }
        return new Aspect(xy[0], xy[1]);
    }

    private static boolean bool(String name, JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw InvalidArgumentException.of(name, name + ": expected true or false");
        };
    }

    private static String text(String name, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw InvalidArgumentException.of(name, name + ": expected a string");
        }
        return parser.getText();
    }

    private static double number(String name, JsonParser parser) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw InvalidArgumentException.of(name, name + ": expected a number");
        }
        return parser.getDoubleValue();
    }

    private static long whole(String name, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw InvalidArgumentException.of(name, name + ": expected a whole number");
        }
        return parser.getLongValue();
    }

    /** The options as an app sends them: every option, enums by expo's numbers or names. */
    public static String write(PickerOptions options) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart(PickerOptions.MEDIA_TYPES);
            for (PickerMediaType type : EnumSet.copyOf(options.mediaTypes())) {
                json.writeString(type.wireName());
            }
            json.writeEndArray();
            json.writeBooleanField(PickerOptions.ALLOWS_EDITING, options.allowsEditing());
            if (options.aspect() != null) {
                json.writeArrayFieldStart(PickerOptions.ASPECT);
                json.writeNumber(options.aspect().x());
                json.writeNumber(options.aspect().y());
                json.writeEndArray();
            }
            json.writeStringField(PickerOptions.SHAPE, options.shape().wireName());
            if (options.quality() != null) {
                json.writeNumberField(PickerOptions.QUALITY, options.quality());
            }
            json.writeBooleanField(PickerOptions.EXIF, options.exif());
            json.writeBooleanField(PickerOptions.BASE64, options.base64());
            json.writeNumberField(
                    PickerOptions.VIDEO_EXPORT_PRESET,
                    options.videoExportPreset().number());
            json.writeNumberField(
                    PickerOptions.VIDEO_QUALITY, options.videoQuality().number());
            json.writeBooleanField(PickerOptions.ALLOWS_MULTIPLE_SELECTION, options.allowsMultipleSelection());
            json.writeNumberField(PickerOptions.SELECTION_LIMIT, options.selectionLimit());
            json.writeBooleanField(PickerOptions.ORDERED_SELECTION, options.orderedSelection());
            json.writeStringField(
                    PickerOptions.DEFAULT_TAB, options.defaultTab().wireName());
            json.writeNumberField(PickerOptions.VIDEO_MAX_DURATION, options.videoMaxDuration());
            json.writeStringField(
                    PickerOptions.REPRESENTATION_MODE,
                    options.representationMode().wireName());
            json.writeStringField(
                    PickerOptions.CAMERA_TYPE, options.cameraType().wireName());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
