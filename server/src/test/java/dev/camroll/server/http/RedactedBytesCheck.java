package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Served picture bytes still decode as a picture. */
final class RedactedBytesCheck {
    private RedactedBytesCheck() {}

    static void assertStillDecodes(byte[] picture) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
        assertThat(image).as("the served picture decodes").isNotNull();
        assertThat(image.getWidth()).isPositive();
    }
}
