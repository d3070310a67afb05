package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes that open one new index at the same moment (a `camroll scan` started while a
 * `camroll watch` starts) all get the migrated index: none creates the tables a second time.
 */
class ConcurrentMigrationTest {
    private static final int PROCESSES = 4;
    private static final int ROUNDS = 3;

    @TempDir
    Path temp;

    @Test
    void processesOpeningANewIndexAtOnceAllSucceed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = Files.createDirectories(temp.resolve("round-" + round));
            Path index = folder.resolve("data").resolve("index.db");
            Path go = folder.resolve("go");
            List<Process> children = new ArrayList<>();
            List<Path> errors = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                Path error = folder.resolve("child-" + i + ".err");
                errors.add(error);
                children.add(ChildJvm.start(
                        OpenIndexChild.class.getName(), List.of(index.toString(), go.toString()), error));
            }
            for (int i = 0; i < PROCESSES; i++) {
                ChildJvm.awaitLine(children.get(i), "ready", Duration.ofSeconds(60), errors.get(i));
            }
            Files.createFile(go);
            for (int i = 0; i < PROCESSES; i++) {
                Process child = children.get(i);
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue())
                        .as("round %d, process %d: %s", round, i, Files.readString(errors.get(i)))
                        .isZero();
            }
            try (Database database = Database.open(index)) {
                boolean pending = database.read(Migrations::pending);
                assertThat(pending).isFalse();
            }
        }
    }

    /** Waits for the go file, then opens the index. */
    public static final class OpenIndexChild {
        public static void main(String[] args) throws IOException, InterruptedException {
            Path index = Path.of(args[0]);
            Path go = Path.of(args[1]);
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            Database.open(index).close();
        }
    }
}
