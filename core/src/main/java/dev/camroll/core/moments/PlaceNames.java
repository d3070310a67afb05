package dev.camroll.core.moments;

import dev.camroll.core.store.MomentPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A moment's {@code locationNames}: the towns nearest to its GPS points, the town of most points
 * first (at most {@link #TOWNS}; ties in time order), then their countries in the same order.
 */
final class PlaceNames {
    static final int TOWNS = 3;

    private final Gazetteer gazetteer;

    PlaceNames(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<String> of(List<MomentPoint> points) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        // Photos of a moment are mostly taken close together: one lookup per 0.01 degree square.
        Map<Long, Integer> looked = new HashMap<>();
        for (MomentPoint point : points) {
            if (point.located()) {
                long square = Math.round(point.latitude() * 100) * 100_000 + Math.round(point.longitude() * 100);
                int town = looked.computeIfAbsent(
                        square, key -> gazetteer.nearestIndex(point.latitude(), point.longitude()));
                if (town >= 0) {
                    counts.merge(town, 1, Integer::sum);
                }
            }
        }
        if (counts.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(counts.entrySet());
        // A stable sort keeps the first seen first among equal counts.
        ranked.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        Set<String> towns = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        for (Map.Entry<Integer, Integer> entry : ranked) {
            if (towns.size() == TOWNS) {
                break;
            }
            Gazetteer.Town town = gazetteer.town(entry.getKey());
            if (towns.add(town.name())) {
                countries.add(town.countryName());
            }
        }
        List<String> names = new ArrayList<>(towns);
        names.addAll(countries);
        return names;
    }
}
