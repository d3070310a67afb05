package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/** The ratio a crop keeps, width to height (expo's {@code aspect: [x, y]}). */
public record Aspect(double x, double y) {
    public Aspect {
        if (!(x > 0) || !(y > 0) || Double.isInfinite(x) || Double.isInfinite(y)) {
            throw InvalidArgumentException.of(
                    PickerOptions.ASPECT, "aspect: [" + x + ", " + y + "] must be two positive numbers, as [4, 3]");
        }
        if (x / y > 100 || y / x > 100) {
            throw InvalidArgumentException.of(
                    PickerOptions.ASPECT, "aspect: [" + x + ", " + y + "] is longer than 100 to 1");
        }
    }

    /** Width over height. */
    public double ratio() {
        return x / y;
    }
}
