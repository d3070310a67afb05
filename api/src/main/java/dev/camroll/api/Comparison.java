package dev.camroll.api;

/** How a {@link FieldFilter} compares a field with its values. */
public enum Comparison {
    /** Equal to the one value. */
    EQ("eq"),
    /** Equal to one of the values. */
    IN("in"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte");

    private final String wireName;

    Comparison(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the comparison takes a list of values rather than one. */
    public boolean takesList() {
        return this == IN;
    }

    /** The comparison of a wire name ({@code gte}); an unknown one is refused naming {@code parameter}. */
    public static Comparison fromWireName(String name, String parameter) {
        for (Comparison comparison : values()) {
            if (comparison.wireName.equals(name)) {
                return comparison;
            }
        }
        throw InvalidArgumentException.of(
                parameter,
                "unknown comparison '" + name + "' in '" + parameter + "' (expected eq, in, gt, gte, lt or lte)");
    }
}
