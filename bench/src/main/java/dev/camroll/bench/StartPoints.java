package dev.camroll.bench;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaLibrary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cursors drawn uniformly over the whole order of a query: a random rank in [0, total), the asset
 * at that rank (found by walking the query's pages once), and the cursor of the page that ends at
 * it. Drawing dates or ids instead would favour some regions of an order: for a sort by width,
 * start points met through random dates all lay among the first few hundred assets.
 */
final class StartPoints {
    private static final int WALK_PAGE = 10_000;

    private StartPoints() {}

    /** {@code count} cursors of {@code query}'s order, in random order. */
    static List<String> draw(MediaLibrary library, AssetQuery query, int count, long seed) {
        long total = library.getAssets(query.toBuilder().first(1).build()).totalCount();
        if (total < 2) {
            throw new IllegalStateException("the query matches " + total + " assets; start points need two");
        }
        Random random = new Random(seed);
        // Ranks below total - 1, so that each start point has a page after it.
        List<Long> ranks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranks.add(random.nextLong(total - 1));
        }
        Collections.sort(ranks);
        List<String> ids = new ArrayList<>(count);
        AssetQuery.Builder walk = query.toBuilder().first(WALK_PAGE);
        long rank = 0;
        int wanted = 0;
        String after = null;
        while (wanted < ranks.size()) {
            AssetPage page = library.getAssets(walk.after(after).build());
            for (Asset asset : page.assets()) {
                while (wanted < ranks.size() && ranks.get(wanted) == rank) {
                    ids.add(asset.id());
                    wanted++;
                }
                rank++;
            }
            if (!page.hasNextPage()) {
                break;
            }
            after = page.endCursor();
        }
        // The cursor that a client holds after reading up to that asset: the end of a page of one
        // that starts at it.
        List<String> cursors = new ArrayList<>(ids.size());
        AssetQuery.Builder one = query.toBuilder().first(1);
        for (String id : ids) {
            cursors.add(library.getAssets(one.after(id).build()).endCursor());
        }
        Collections.shuffle(cursors, random);
        return cursors;
    }
}
