package dev.camroll.server.access;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One matrix library and its server for all the tests of a class, as each matrix test wants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnMatrixLibrary {
    Path root;
    MatrixLibrary matrix;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        root = folder;
        matrix = new MatrixLibrary(root);
    }

    @AfterAll
    void stop() throws Exception {
        matrix.close();
    }
}
