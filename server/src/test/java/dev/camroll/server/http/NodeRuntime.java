package dev.camroll.server.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Node.js for the tests that run the JavaScript module: found on the PATH, required in CI. */
public final class NodeRuntime {
    /** The JavaScript module's folder. */
    public static final Path MODULE =
            Path.of("..", "clients", "js").toAbsolutePath().normalize();

    private NodeRuntime() {}

    /**
     * The node executable; without one the calling test is skipped, saying so, except in CI,
     * where it fails.
     */
    public static Path require(String test) {
        Path node = onPath();
        if (node == null) {
            String message = test + ": no node on the PATH, the JavaScript module's tests did not run";
            if (System.getenv("CI") != null) {
                fail(message + " (CI must run them: install Node.js 20 or newer)");
            }
            System.out.println("SKIPPED " + message);
            Assumptions.abort(message);
        }
        return node;
    }

    private static Path onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
