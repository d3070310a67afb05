package dev.camroll.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A condition of a query on one field of the asset, as the {@code eq}, {@code within}, {@code gt},
 * {@code gte}, {@code lt} and {@code lte} of expo-media-library's {@code Query}. On the wire it is
 * the parameter {@code <field>.<comparison>} ({@code width.gte=1080}, {@code mediaType.in=photo,video}).
 */
public sealed interface FieldFilter {
    AssetField field();

    Comparison comparison();

    /** The name of its query parameter: {@code width.gte}. */
    default String parameterName() {
        return field().wireName() + "." + comparison().wireName();
    }

    /**
     * A comparison of a number: times in epoch milliseconds, sizes in pixels, the duration in
     * seconds (with a fraction). One value, or one or more for {@link Comparison#IN}; each finite.
     */
    record OnNumber(AssetField field, Comparison comparison, List<Double> values) implements FieldFilter {
        public OnNumber {
            if (field == null || comparison == null || field == AssetField.MEDIA_TYPE) {
                throw new InvalidArgumentException("a number filter needs a numeric field and a comparison");
            }
            String parameter = field.wireName() + "." + comparison.wireName();
            // -0.0 + 0.0 is 0.0: the two zeros compare equal, and one of them has a wire form.
            values = values == null
                    ? List.of()
                    : values.stream().map(value -> value + 0.0).toList();
            checkCount(parameter, comparison, values.size());
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw InvalidArgumentException.of(parameter, parameter + ": " + value + " is not a finite number");
                }
            }
        }
    }

    /**
     * A condition on the media type: {@link Comparison#EQ} or {@link Comparison#IN} only. An empty set
     * stands for {@code unknown}, which no asset of Camroll has (every indexed file is a photo, a
     * video or audio), so it matches nothing.
     */
    record OnMediaType(Comparison comparison, Set<MediaType> values) implements FieldFilter {
        public OnMediaType {
            if (comparison != Comparison.EQ && comparison != Comparison.IN) {
                throw InvalidArgumentException.of(
                        "mediaType." + (comparison == null ? "" : comparison.wireName()),
                        "mediaType takes only eq and in, not " + comparison);
            }
            values = values == null || values.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(values));
            if (comparison == Comparison.EQ && values.size() > 1) {
                throw InvalidArgumentException.of("mediaType.eq", "mediaType.eq takes one media type, not " + values);
            }
        }

        @Override
        public AssetField field() {
            return AssetField.MEDIA_TYPE;
        }
    }

    /** {@code field comparison values}: {@code number(AssetField.WIDTH, Comparison.GTE, 1080)}. */
    static FieldFilter number(AssetField field, Comparison comparison, double... values) {
        return new OnNumber(field, comparison, Arrays.stream(values).boxed().toList());
    }

    /** The media type is one of these (or this one, for {@link Comparison#EQ}). */
    static FieldFilter mediaType(Comparison comparison, MediaType... types) {
        return new OnMediaType(comparison, types.length == 0 ? Set.of() : EnumSet.of(types[0], types));
    }

    private static void checkCount(String parameter, Comparison comparison, int count) {
        if (comparison.takesList() ? count < 1 : count != 1) {
            throw InvalidArgumentException.of(
                    parameter,
                    parameter + (comparison.takesList() ? " needs at least one value" : " takes exactly one value")
                            + ", got " + count);
        }
    }
}
