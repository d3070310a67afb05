package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.ScanReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What is written reads back equal, indented or on one line, from a string or a stream. */
class RoundTripTest {

    @Property(tries = 300)
    void assets(@ForAll("assets") Asset asset) {
        assertThat(ApiJson.readAsset(ApiJson.write(asset))).isEqualTo(asset);
        assertThat(ApiJson.readAsset(ApiJson.writeLine(asset))).isEqualTo(asset);
    }

    @Property(tries = 200)
    void assetInfos(@ForAll("assetInfos") AssetInfo info) {
        assertThat(ApiJson.readAssetInfo(ApiJson.write(info))).isEqualTo(info);
        assertThat(ApiJson.readAssetInfos(ApiJson.writeLine(List.of(info, info))))
                .containsExactly(info, info);
    }

    @Property(tries = 100)
    void listsOfAssets(@ForAll("assetLists") List<Asset> assets) {
        assertThat(ApiJson.readAssets(ApiJson.write(assets))).isEqualTo(assets);
    }

    @Property(tries = 200)
    void albums(@ForAll("albums") List<Album> albums) {
        assertThat(ApiJson.readAlbums(ApiJson.write(albums))).isEqualTo(albums);
        albums.forEach(
                album -> assertThat(ApiJson.readAlbum(ApiJson.writeLine(album))).isEqualTo(album));
    }

    @Property(tries = 200)
    void assetPages(@ForAll("assetPages") AssetPage page) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ApiJson.write(page, bytes);
        assertThat(ApiJson.read(new ByteArrayInputStream(bytes.toByteArray()), Records::assetPage))
                .isEqualTo(page);
        assertThat(ApiJson.readAssetPage(ApiJson.write(page))).isEqualTo(page);
    }

    @Property(tries = 200)
    void changeSets(@ForAll("changeSets") ChangeSet changes) {
        assertThat(ApiJson.readChangeSet(ApiJson.writeLine(changes))).isEqualTo(changes);
    }

    @Property(tries = 200)
    void scanReports(@ForAll("scanReports") ScanReport report) {
        assertThat(ApiJson.readScanReport(ApiJson.write(report))).isEqualTo(report);
    }

    @Property(tries = 100)
    void idListsUnderTheirField(@ForAll("ids") List<String> ids) {
        String json = ApiJson.write(java.util.Map.of("purged", 3, "trashedAssets", ids));

        assertThat(ApiJson.readIds(json, "trashedAssets")).isEqualTo(ids);
        assertThat(ApiJson.readIds(json, "deletedAssets")).isEmpty();
    }

    @Provide
    Arbitrary<Asset> assets() {
        return ApiRecords.assets();
    }

    @Provide
    Arbitrary<List<Asset>> assetLists() {
        return ApiRecords.assets().list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<AssetInfo> assetInfos() {
        return ApiRecords.assetInfos();
    }

    @Provide
    Arbitrary<List<Album>> albums() {
        return ApiRecords.albums().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<AssetPage> assetPages() {
        return ApiRecords.assetPages();
    }

    @Provide
    Arbitrary<ChangeSet> changeSets() {
        return ApiRecords.changeSets();
    }

    @Provide
    Arbitrary<ScanReport> scanReports() {
        return ApiRecords.scanReports();
    }

    @Provide
    Arbitrary<List<String>> ids() {
        return ApiRecords.text().list().ofMaxSize(6);
    }
}
