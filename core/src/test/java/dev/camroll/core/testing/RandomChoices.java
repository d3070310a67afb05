package dev.camroll.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The random choices of the processes that stress and crash-test a library. */
public final class RandomChoices {
    private RandomChoices() {}

    /** One to {@code most} distinct elements of {@code from} (which must not be empty), in random order. */
    public static <T> List<T> some(Random random, List<T> from, int most) {
        List<T> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(Math.min(most, shuffled.size()))));
    }

    /** An index into {@code weights}, each drawn in proportion to its weight. */
    public static int pick(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int at = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must hold a positive one");
    }
}
