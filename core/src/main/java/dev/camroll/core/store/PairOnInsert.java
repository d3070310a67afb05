package dev.camroll.core.store;

/** How a newly indexed file takes part in Live Photo pairs, in the transaction that indexes it. */
public sealed interface PairOnInsert {
    /** By the scan's rules ({@link LivePairs}): a file created through the API. */
    PairOnInsert BY_RULES = new ByRules();

    /** Not at all: a photo copy whose own video copy follows and pairs with it. */
    PairOnInsert NONE = new None();

    record ByRules() implements PairOnInsert {}

    record None() implements PairOnInsert {}

    /** A video copy that pairs with this photo (the copy of its photo), whatever the rules say. */
    record WithPhoto(String photoPublicId) implements PairOnInsert {}
}
