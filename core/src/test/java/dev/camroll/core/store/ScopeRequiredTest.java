package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.access.Scope;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public read and write of assets and albums in the store takes a {@link Scope}, with no
 * unscoped overload, so that the compiler finds every path a caller's scope must reach. The store's
 * services are its public classes built on a {@link Database}; each of their public methods must
 * take a scope, except the ones named here, each with why.
 */
class ScopeRequiredTest {
    /**
     * The scanner's store: the scan indexes the folder tree as the system itself, for no caller.
     * The grants of apps and the access log: the state that scopes are made of, read and set for
     * the owner (a selection's ids are checked against the whole library, as the owner chose
     * them); they hand out no asset. The stores of apps and their tokens: no asset or album in them.
     * The picker's sessions: read by their maker alone (checked by the picker), their result rows
     * are files of the session's own, and the id of the asset a result was made from is told to
     * the maker only when its scope sees that asset (read through the scoped library).
     */
    private static final Set<Class<?>> EXEMPT_CLASSES = Set.of(
            ScanStore.class,
            SqlGrants.class,
            SqlAccessLog.class,
            AppStore.class,
            TokenStore.class,
            PickerSessionStore.class);

    /** Methods that are not reads or writes of a caller's assets or albums. */
    private static final Set<String> EXEMPT_METHODS = Set.of(
            // The journal's own state (library id, generation, horizon): no asset in it.
            "Journal.state",
            // Housekeeping of the journal at open, for no caller.
            "Journal.purgeTombstones",
            // Rebuilds the trash table from the library's own sidecars at open, for no caller.
            "TrashRecords.adopt",
            // Housekeeping of the library's own caches, for no caller: which of the ids found as
            // cache folders the index still knows; nothing of an asset is read.
            "KnownAssetIds.of",
            // Row ids never leave the engine: the folder of a row already read through a scope.
            "AssetStore.albumByRowId",
            // Places, not assets: a name or folder held by an asset the caller cannot see is still
            // taken, and a new row for a file just placed hides nothing.
            "WriteStore.folder",
            "WriteStore.nameTaken",
            "WriteStore.insert",
            // The Live Photo pairs: the videos of photos a write already reached through the
            // caller's scope (a move, a purge), the rollback of a move at open and the pairing at
            // scan, both for no caller. A caller reaches a video only through its photo, by
            // AssetStore.pairedVideo, which takes the scope.
            "AssetStore.livePairs",
            "WriteStore.livePairs",
            "LivePairs.settle",
            "LivePairs.hasOrphans",
            "LivePairs.videosOf",
            "LivePairs.video",
            "LivePairs.forget",
            "LivePairs.rename",
            // The halves of trashed Live Photos and their sidecars' columns: reached only through
            // the photos a delete, restore or purge already reached through the caller's scope,
            // and by the trash's reconciliation at open, for no caller.
            "WriteStore.trashedVideos",
            "TrashedVideos.all",
            "TrashedVideos.forget",
            "TrashedVideos.ofPhotos",
            "TrashedVideos.unpairOrphans",
            "TrashRecords.ofPairedVideos",
            "TrashRecords.adoptVideo");

    @Test
    void everyPublicReadAndWriteOfTheStoreTakesAScope() throws Exception {
        List<Class<?>> services = services();
        assertThat(services)
                .as("the store's services")
                .contains(AssetStore.class, WriteStore.class, Journal.class, TrashRecords.class, ScanStore.class);
        assertThat(unscoped(services))
                .as("public methods of the store that take no Scope")
                .isEmpty();
    }

    @Test
    void everyExemptionNamesAMethodThatExists() throws Exception {
        List<String> methods = new ArrayList<>();
        for (Class<?> service : services()) {
            for (Method method : service.getDeclaredMethods()) {
                methods.add(service.getSimpleName() + "." + method.getName());
            }
        }
        assertThat(methods).containsAll(EXEMPT_METHODS);
    }

    @Test
    void theCheckFindsAMethodWithoutAScope() {
        assertThat(unscoped(List.of(UnscopedStore.class))).containsExactly("UnscopedStore.byId(java.lang.String)");
    }

    /** A store service as one might write it by mistake: its read takes no scope. */
    public static final class UnscopedStore {
        public UnscopedStore(Database database) {}

        public String byId(String publicId) {
            return publicId;
        }

        public String byId(Scope scope, String publicId) {
            return publicId;
        }
    }

    private static List<String> unscoped(List<Class<?>> services) {
        List<String> unscoped = new ArrayList<>();
        for (Class<?> service : services) {
            if (EXEMPT_CLASSES.contains(service)) {
                continue;
            }
            for (Method method : service.getDeclaredMethods()) {
                String name = service.getSimpleName() + "." + method.getName();
                if (!Modifier.isPublic(method.getModifiers())
                        || Modifier.isStatic(method.getModifiers())
                        || method.isSynthetic()
                        || EXEMPT_METHODS.contains(name)) {
                    continue;
                }
                if (!Arrays.asList(method.getParameterTypes()).contains(Scope.class)) {
                    unscoped.add(name + "("
                            + String.join(
                                    ", ",
                                    Stream.of(method.getParameterTypes())
                                            .map(Class::getName)
                                            .toList())
                            + ")");
                }
            }
        }
        return unscoped;
    }

    /** The public classes of the store package that are built on a Database. */
    private static List<Class<?>> services() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AssetStore.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(AssetStore.class.getPackageName().replace('.', '/'));
        List<Class<?>> services = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(
                        AssetStore.class.getPackageName() + "." + name.substring(0, name.length() - ".class".length()));
                if (Modifier.isPublic(type.getModifiers()) && builtOnDatabase(type)) {
                    services.add(type);
                }
            }
        }
        return services;
    }

    private static boolean builtOnDatabase(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (Arrays.asList(constructor.getParameterTypes()).contains(Database.class)) {
                return true;
            }
        }
        return false;
    }
}
