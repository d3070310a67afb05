package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trash view shows each deleted item's thumbnail and file name; a sound without art, its name alone. */
class TrashTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void eachTrashedItemShowsItsThumbnailAndName(Browser.Screen screen) {
        Pictures.write(root, 3, Instant.parse("2026-05-10T09:00:00Z"), Duration.ofHours(1));
        TestMedia.audio(root.resolve("voice memo.m4a"), 1.0, TestMedia.AudioSpec.PLAIN);
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            List<Asset> assets = served.library
                    .getAssets(AssetQuery.builder().first(10).build())
                    .assets();
            String sound = served.library
                    .getAssets(AssetQuery.builder()
                            .first(10)
                            .mediaTypes(MediaType.AUDIO)
                            .build())
                    .assets()
                    .getFirst()
                    .id();
            served.library.deleteAssets(
                    List.of(assets.get(0).id(), assets.get(1).id(), sound));

            served.signIn(browser, "#/trash");
            browser.await(
                    "three in the trash", () -> browser.all(".trash-grid .tile").size() == 3);
            for (Asset asset : assets.subList(0, 2)) {
                String tile = ".trash-grid .tile[data-id='" + asset.id() + "']";
                assertThat(browser.text(tile + " .trash-name")).isEqualTo(asset.filename());
                browser.await(asset.filename() + "'s thumbnail", () -> (Boolean) browser.js(
                        "const i = document.querySelector(arguments[0]);"
                                + " return !!i && i.complete && i.naturalWidth > 0",
                        tile + " img"));
            }
            String soundTile = ".trash-grid .tile[data-id='" + sound + "']";
            browser.await(
                    "the sound's name alone",
                    () -> browser.all(soundTile + ".broken").size() == 1);
            assertThat(browser.text(soundTile)).isEqualTo("voice memo.m4a");
            assertThat(browser.find(soundTile).getDomAttribute("aria-label")).isEqualTo("voice memo.m4a");
            browser.screenshot("trash-names");
        }
    }
}
