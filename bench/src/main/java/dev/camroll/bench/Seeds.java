package dev.camroll.bench;

/** Seeds derived from a run's seed and an index, so that output does not depend on thread timing. */
final class Seeds {
    private Seeds() {}

    /** SplitMix64's finalizer over the seed and the index. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
