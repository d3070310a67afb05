package dev.camroll.core.moments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.store.MomentPoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the rules cut a run of assets: a pause over three hours, a jump over 30 km. */
class MomentRulesTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    // Paris (Notre-Dame), Versailles (17.5 km away), Lyon (392 km away).
    private static final double[] PARIS = {48.8530, 2.3499};
    private static final double[] VERSAILLES = {48.8049, 2.1204};
    private static final double[] LYON = {45.7640, 4.8357};

    private static MomentPoint at(long id, long time, double[] place) {
        return place == null ? new MomentPoint(id, time, null, null) : new MomentPoint(id, time, place[0], place[1]);
    }

    private static List<List<Long>> cut(List<MomentPoint> points) {
        return Segmentation.of(null, points).groups().stream()
                .map(group -> group.stream().map(MomentPoint::assetId).toList())
                .toList();
    }

    @Test
    void aPauseOfExactlyThreeHoursKeepsTheMomentAndALongerOneEndsIt() {
        assertThat(cut(List.of(at(1, 0, null), at(2, 3 * HOUR, null), at(3, 6 * HOUR + 1, null))))
                .containsExactly(List.of(1L, 2L), List.of(3L));
    }

    @Test
    void aJumpToAnotherTownEndsTheMomentAndAWalkAcrossOneDoesNot() {
        assertThat(cut(List.of(
                        at(1, 0, PARIS), at(2, HOUR, VERSAILLES), at(3, 2 * HOUR, PARIS), at(4, 3 * HOUR, LYON))))
                .containsExactly(List.of(1L, 2L, 3L), List.of(4L));
    }

    @Test
    void assetsWithoutLocationJoinAndTheJumpIsMeasuredFromTheLastLocation() {
        // The video without a place joins Paris; Lyon is measured from Paris, across it.
        assertThat(cut(List.of(at(1, 0, PARIS), at(2, HOUR, null), at(3, 2 * HOUR, LYON), at(4, 2 * HOUR, null))))
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void aRunThatContinuesTheMomentBeforeItSaysSo() {
        MomentEnd paris = new MomentEnd(0, PARIS[0], PARIS[1]);
        assertThat(Segmentation.of(paris, List.of(at(5, HOUR, VERSAILLES))).joinsPrevious())
                .isTrue();
        assertThat(Segmentation.of(paris, List.of(at(5, HOUR, LYON))).joinsPrevious())
                .isFalse();
        assertThat(Segmentation.of(paris, List.of(at(5, 4 * HOUR, PARIS))).joinsPrevious())
                .isFalse();
    }

    @Test
    void distancesAndCentresAreOnTheSphere() {
        assertThat(GeoMath.metresBetween(PARIS[0], PARIS[1], LYON[0], LYON[1])).isBetween(390_000.0, 394_000.0);
        // Two points on both sides of the 180th meridian centre on it, not near Greenwich.
        var centre = GeoMath.centre(
                List.of(new dev.camroll.api.Location(-17, 179.5), new dev.camroll.api.Location(-17, -179.5)));
        assertThat(Math.abs(centre.longitude())).isGreaterThan(179.9);
        assertThat(centre.latitude()).isBetween(-17.01, -16.99);
    }
}
