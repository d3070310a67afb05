package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed media URLs are stable for a while (a browser caches what a grid reloads) and still live
 * at least their lifetime, and the signature they carry is the one the server checks.
 */
class MediaUrlsTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Pattern QUERY = Pattern.compile("\\?expires=(\\d+)&signature=([A-Za-z0-9_-]+)$");

    @TempDir
    Path data;

    @Test
    void theSameAssetGetsTheSameUrlWithinATenthOfTheLifetimeAndItLivesAtLeastTheLifetime() {
        MovableClock clock = new MovableClock();
        // Just past the start of a tenth, so that the next seconds fall in the same one.
        long tenth = HOUR.toSeconds() / 10;
        long sinceStart = Math.floorMod(clock.instant().getEpochSecond() + HOUR.toSeconds(), tenth);
        clock.advance(Duration.ofSeconds(tenth - sinceStart + 1));
        MediaUrls urls = new MediaUrls(UrlSigner.load(data), URI.create("https://photos.example"), HOUR, clock);
        Caller owner = new Caller.Owner("owner-token-hash");
        String path = MediaUrls.originalPath("abc123");

        String first = urls.signed(null, path, owner);
        long issued = clock.instant().getEpochSecond();
        clock.advance(Duration.ofSeconds(5));
        assertThat(urls.signed(null, path, owner)).isEqualTo(first);

        Matcher query = QUERY.matcher(first);
        assertThat(query.find()).as(first).isTrue();
        long expires = Long.parseLong(query.group(1));
        assertThat(expires - issued).isBetween(HOUR.toSeconds(), HOUR.toSeconds() * 11 / 10);
        assertThat(urls.verify(path, "owner-token-hash", query.group(1), query.group(2)))
                .isTrue();
        assertThat(urls.verify(path, "someone-else", query.group(1), query.group(2)))
                .isFalse();

        // Another caller, another signature; later, another expiry.
        assertThat(urls.signed(null, path, new Caller.Owner("other"))).isNotEqualTo(first);
        clock.advance(HOUR.dividedBy(10));
        String later = urls.signed(null, path, owner);
        assertThat(later).isNotEqualTo(first);
        clock.advance(HOUR.minusSeconds(1));
        Matcher laterQuery = QUERY.matcher(later);
        assertThat(laterQuery.find()).isTrue();
        assertThat(urls.verify(path, "owner-token-hash", laterQuery.group(1), laterQuery.group(2)))
                .as("still valid a lifetime after it was handed out")
                .isTrue();
    }
}
