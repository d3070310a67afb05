package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static dev.camroll.core.metadata.TiffFiles.ASCII;
import static dev.camroll.core.metadata.TiffFiles.GPS_IFD;
import static dev.camroll.core.metadata.TiffFiles.GPS_LATITUDE;
import static dev.camroll.core.metadata.TiffFiles.GPS_LATITUDE_REF;
import static dev.camroll.core.metadata.TiffFiles.GPS_LONGITUDE;
import static dev.camroll.core.metadata.TiffFiles.GPS_LONGITUDE_REF;
import static dev.camroll.core.metadata.TiffFiles.GPS_STATUS;
import static dev.camroll.core.metadata.TiffFiles.IMAGE_HEIGHT;
import static dev.camroll.core.metadata.TiffFiles.IMAGE_WIDTH;
import static dev.camroll.core.metadata.TiffFiles.RATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPS tags that say nothing (empty, zero denominators, no references, a bare 0,0) give no location. */
class GpsLocationTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    private MediaFacts probe(TiffFiles.Ifd gps) throws IOException {
        TiffFiles.Ifd ifd0 =
                TiffFiles.ifd().longs(IMAGE_WIDTH, 40).longs(IMAGE_HEIGHT, 30).child(GPS_IFD, gps);
        return facts(probe, Files.write(folder.resolve("gps.tif"), TiffFiles.classic(ifd0)));
    }

    private static TiffFiles.Ifd refs(TiffFiles.Ifd gps, String latitude, String longitude) {
        return gps.ascii(GPS_LATITUDE_REF, latitude).ascii(GPS_LONGITUDE_REF, longitude);
    }

    @Test
    void aRealPositionIsRead() throws IOException {
        MediaFacts facts = probe(refs(TiffFiles.ifd(), "S", "W")
                .rationals(GPS_LATITUDE, 33, 1, 51, 1, 5436, 100)
                .rationals(GPS_LONGITUDE, 151, 1, 12, 1, 3000, 100));

        assertThat(facts.location()).isNotNull();
        assertThat(facts.location().latitude()).isCloseTo(-(33 + 51 / 60.0 + 54.36 / 3600), within(1e-9));
        assertThat(facts.location().longitude()).isCloseTo(-(151 + 12 / 60.0 + 30.0 / 3600), within(1e-9));
    }

    @Test
    void zeroDenominatorsGiveNoLocation() throws IOException {
        MediaFacts facts = probe(refs(TiffFiles.ifd(), "N", "E")
                .rationals(GPS_LATITUDE, 0, 0, 0, 0, 0, 0)
                .rationals(GPS_LONGITUDE, 0, 0, 0, 0, 0, 0));

        assertThat(facts.location()).isNull();
    }

    @Test
    void zeroLengthTagsGiveNoLocation() throws IOException {
        MediaFacts facts = probe(refs(TiffFiles.ifd(), "N", "E")
                .raw(GPS_LATITUDE, RATIONAL, 0, new byte[0])
                .raw(GPS_LONGITUDE, RATIONAL, 0, new byte[0]));

        assertThat(facts.location()).isNull();
    }

    @Test
    void emptyReferencesGiveNoLocation() throws IOException {
        MediaFacts facts = probe(TiffFiles.ifd()
                .raw(GPS_LATITUDE_REF, ASCII, 2, new byte[] {0, 0})
                .raw(GPS_LONGITUDE_REF, ASCII, 2, new byte[] {0, 0})
                .rationals(GPS_LATITUDE, 45, 1, 0, 1, 0, 1)
                .rationals(GPS_LONGITUDE, 9, 1, 0, 1, 0, 1));

        assertThat(facts.location()).isNull();
    }

    @Test
    void aBareZeroZeroIsNoFix() throws IOException {
        MediaFacts facts = probe(refs(TiffFiles.ifd(), "N", "E")
                .rationals(GPS_LATITUDE, 0, 1, 0, 1, 0, 1)
                .rationals(GPS_LONGITUDE, 0, 1, 0, 1, 0, 1));

        assertThat(facts.location()).isNull();
    }

    @Test
    void zeroZeroWithAFixIsAPlace() throws IOException {
        MediaFacts facts = probe(refs(TiffFiles.ifd(), "N", "E")
                .ascii(GPS_STATUS, "A")
                .rationals(GPS_LATITUDE, 0, 1, 0, 1, 0, 1)
                .rationals(GPS_LONGITUDE, 0, 1, 0, 1, 0, 1));

        assertThat(facts.location()).isNotNull();
        assertThat(facts.location().latitude()).isZero();
        assertThat(facts.location().longitude()).isZero();
    }
}
