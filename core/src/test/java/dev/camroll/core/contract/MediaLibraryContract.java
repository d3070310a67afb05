package dev.camroll.core.contract;

import org.junit.jupiter.api.Nested;

/**
 * What every {@link dev.camroll.api.MediaLibrary} must do, whatever stands behind it: queries and
 * paging, albums, writes (from files, bytes and streams) and the trash, and change events. An implementation's test extends this
 * class and says how to open a library over a folder ({@link #open}); the embedded engine (core)
 * and the HTTP client over a live server (client) both pass the same tests. Each group is a class
 * of its own, run here as a nested class.
 */
public abstract class MediaLibraryContract implements LibraryUnderTest {

    @Nested
    class Queries extends QueriesContract {
        Queries() {
            super(MediaLibraryContract.this);
        }
    }

    @Nested
    class PagingAndFilters extends PagingAndFiltersContract {
        PagingAndFilters() {
            super(MediaLibraryContract.this);
        }
    }

    @Nested
    class Albums extends AlbumsContract {
        Albums() {
            super(MediaLibraryContract.this);
        }
    }

    @Nested
    class Writes extends WritesContract {
        Writes() {
            super(MediaLibraryContract.this);
        }
    }

    @Nested
    class Streams extends StreamsContract {
        Streams() {
            super(MediaLibraryContract.this);
        }
    }

    @Nested
    class Changes extends ChangesContract {
        Changes() {
            super(MediaLibraryContract.this);
        }
    }
}
