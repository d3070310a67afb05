package dev.camroll.core.moments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.store.MomentPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gazetteer that ships with Camroll: GeoNames' towns of 1,000+ people, offline. */
class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.shipped();

    @Test
    void holdsTheTownsOfTheWorld() {
        assertThat(gazetteer.size()).isGreaterThan(130_000);
    }

    @Test
    void findsTheNearestTownAndItsCountry() {
        // The Eiffel Tower, the Golden Gate Bridge, Shibuya crossing.
        assertThat(gazetteer.nearest(48.8584, 2.2945).orElseThrow())
                .extracting(Gazetteer.Town::name, Gazetteer.Town::countryName)
                .containsExactly("Paris", "France");
        assertThat(gazetteer.nearest(37.8199, -122.4783).orElseThrow().country())
                .isEqualTo("US");
        assertThat(gazetteer.nearest(35.6595, 139.7005).orElseThrow().country()).isEqualTo("JP");
    }

    @Test
    void findsTownsAcrossTheAntimeridianAndNoneAtSea() {
        // West of the 180th meridian, the nearest town is east of it: Egvekinot, Chukotka, 42 km away.
        assertThat(gazetteer.nearest(66.3, 179.95))
                .hasValueSatisfying(town -> assertThat(town.name()).isEqualTo("Egvekinot"));
        assertThat(gazetteer.nearest(30.0, -40.0))
                .as("the middle of the Atlantic")
                .isEmpty();
    }

    @Test
    void namesAMomentByItsTownsThenTheirCountries() {
        PlaceNames names = new PlaceNames(gazetteer);
        List<MomentPoint> points = List.of(
                new MomentPoint(1, 0, 48.8584, 2.2945),
                new MomentPoint(2, 1, 48.8606, 2.3376),
                new MomentPoint(3, 2, null, null),
                new MomentPoint(4, 3, 48.8049, 2.1204));
        assertThat(names.of(points)).containsExactly("Paris", "Versailles", "France");
        assertThat(names.of(List.of(new MomentPoint(1, 0, null, null)))).isEmpty();
    }

    @Test
    void looksUpQuickly() {
        long start = System.nanoTime();
        int found = 0;
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            // Western Europe, where towns are densest.
            if (gazetteer.nearestIndex(43 + random.nextDouble() * 10, -2 + random.nextDouble() * 14) >= 0) {
                found++;
            }
        }
        double microsEach = (System.nanoTime() - start) / 1e3 / 100_000;
        assertThat(found).isGreaterThan(90_000);
        assertThat(microsEach).as("microseconds per lookup").isLessThan(100);
    }
}
