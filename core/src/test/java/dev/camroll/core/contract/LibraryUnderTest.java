package dev.camroll.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.MediaLibrary;
import java.net.URI;
import java.nio.file.Path;

/**
 * An implementation of {@link MediaLibrary} as the contract suite sees it: a way to open a fresh
 * library over a folder, and the few things in which implementations may rightly differ, which
 * the suite asks here instead of skipping a check.
 */
public interface LibraryUnderTest {

    /**
     * A fresh library over the folder {@code root} (created if missing), scanned and watched as
     * {@link MediaLibrary#open(Path)} opens it, with its index in {@code root/.camroll}.
     */
    MediaLibrary open(Path root);

    /** The file on disk that holds an asset's bytes; the embedded library's {@code uri} names it. */
    default Path fileOf(MediaLibrary library, Asset asset) {
        return Path.of(URI.create(asset.uri()));
    }

    /** Checks that an asset's {@code uri} leads to {@code file}: its file: URI, embedded. */
    default void assertUriLeadsTo(Asset asset, Path file) {
        assertThat(asset.uri()).isEqualTo(file.toUri().toString());
    }

    /**
     * Checks that two readings of the same asset agree: equal, embedded. (A server signs each
     * {@code uri} anew, with its own expiry, so there the URLs may differ in their signature.)
     */
    default void assertSameAsset(Asset actual, Asset expected) {
        assertThat(actual).isEqualTo(expected);
    }
}
