package dev.camroll.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.library.StressActor;
import dev.camroll.core.library.StressFiles;
import dev.camroll.core.library.StressRun;
import dev.camroll.core.testing.CallLog;
import dev.camroll.core.testing.ChildJvm;
import dev.camroll.core.testing.RandomChoices;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The command line in a stress run: one {@code camroll} process (the CLI's main class in a JVM of
 * its own) after the other, as a person or a script types them: {@code assets}, {@code import},
 * {@code rm}, {@code trash --restore}, {@code album create|add [--move]} and {@code scan}, each
 * logged before it starts and after it returned, with the ids it printed. The run's killer
 * SIGKILLs the command that runs; a killed command has no end line (it may or may not have
 * happened), and the next command starts.
 */
final class CliActor implements StressActor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StressRun run;
    private final String name;
    private final List<String> crashes = new CopyOnWriteArrayList<>();
    private final List<String> albums = new ArrayList<>();
    private volatile Process command;
    private Thread thread;
    private Random random;
    private CallLog log;
    private List<JsonNode> live = List.of();
    private List<String> trashed = List.of();
    private int commands;

    CliActor(StressRun run, String name) {
        this.run = run;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        random = new Random(run.nextSeed());
        log = CallLog.open(run.logs().resolve(name + ".log"));
        thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                while (System.currentTimeMillis() < run.deadline()) {
                    step();
                }
            } catch (Exception e) {
                crashes.add(name + ": " + e);
            }
        });
    }

    private void step() throws IOException, InterruptedException {
        if (live.isEmpty() || random.nextInt(4) == 0) {
            query();
            return;
        }
        int[] weights = {20, 12, trashed.isEmpty() ? 0 : 10, 8, 3, albums.size() < 4 ? 2 : 0, 3};
        switch (RandomChoices.pick(random, weights)) {
            case 0 -> importOne();
            case 1 -> rm();
            case 2 -> restore();
            case 3 -> add(true);
            case 4 -> add(false);
            case 5 -> createAlbum();
            default -> scan();
        }
    }

    private void query() throws IOException, InterruptedException {
        JsonNode assets = run("query", "-", List.of("assets", "--first", "100000"));
        if (assets != null) {
            live = new ArrayList<>();
            assets.get("assets").forEach(live::add);
            logDone("query", ids(live));
        }
        JsonNode trash = run("trash", "-", List.of("trash"));
        if (trash != null) {
            trashed = new ArrayList<>();
            trash.get("trashedAssets").forEach(id -> trashed.add(id.asText()));
            logDone("trash", trashed);
        }
    }

    private void importOne() throws IOException, InterruptedException {
        Path file = StressFiles.claim(run.files().pending(), run.files().claimed(), random);
        if (file == null) {
            return;
        }
        String album = albums.isEmpty() || random.nextBoolean() ? null : albums.get(random.nextInt(albums.size()));
        List<String> arguments = new ArrayList<>(List.of("import", file.toString()));
        if (album != null) {
            arguments.addAll(List.of("--album", album));
        }
        String logged = (album == null ? "-" : album) + " " + StressFiles.hashOrUnknown(file) + " " + file;
        JsonNode imported = run("import", logged, arguments);
        if (imported != null) {
            List<JsonNode> assets = new ArrayList<>();
            imported.forEach(assets::add);
            logDone("import", ids(assets));
        }
    }

    private void rm() throws IOException, InterruptedException {
        List<String> ids = ids(RandomChoices.some(random, live, 3));
        List<String> arguments = new ArrayList<>(List.of("rm"));
        arguments.addAll(ids);
        ended("delete", run("delete", String.join(",", ids), arguments), ids);
    }

    private void restore() throws IOException, InterruptedException {
        List<String> ids = RandomChoices.some(random, trashed, 3);
        List<String> arguments = new ArrayList<>(List.of("trash", "--restore"));
        arguments.addAll(ids);
        ended("restore", run("restore", String.join(",", ids), arguments), ids);
    }

    private void add(boolean move) throws IOException, InterruptedException {
        List<JsonNode> chosen = RandomChoices.some(random, live, move ? 3 : 2);
        // An album of the listing: the one of a random asset (the CLI takes an album's id).
        String album = live.get(random.nextInt(live.size())).get("albumId").asText();
        List<String> arguments = new ArrayList<>(List.of("album", "add", album));
        arguments.addAll(ids(chosen));
        if (move) {
            arguments.add("--move");
        }
        String operation = move ? "move" : "copy";
        ended(operation, run(operation, album + " " + withHashes(chosen), arguments), move ? ids(chosen) : List.of());
    }

    private void createAlbum() throws IOException, InterruptedException {
        String title = "C" + name + "-" + albums.size();
        JsonNode asset = live.get(random.nextInt(live.size()));
        List<String> arguments =
                List.of("album", "create", title, asset.get("id").asText(), "--move");
        if (ended(
                "move",
                run("move", "new:" + title + " " + withHashes(List.of(asset)), arguments),
                List.of(asset.get("id").asText()))) {
            albums.add(title);
        }
    }

    private void scan() throws IOException, InterruptedException {
        ended("scan", run("scan", "-", List.of("scan")), List.of());
    }

    private boolean ended(String operation, JsonNode result, List<String> ids) throws IOException {
        if (result != null) {
            logDone(operation, ids);
        }
        return result != null;
    }

    private void logDone(String operation, List<String> ids) throws IOException {
        log.done(operation, ids);
    }

    /**
     * Runs one command with {@code --json} after logging it; its parsed output, or null when it
     * failed (logged with its error) or was killed (not logged: it was in flight).
     */
    private JsonNode run(String operation, String logged, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(arguments);
        full.add(1, run.root().toString());
        full.add("--json");
        Path out = run.logs().resolve(name + ".out");
        Path errors = run.logs().resolve(name + ".err");
        log.call(operation, logged);
        commands++;
        Process process = new ProcessBuilder(ChildJvm.command(CamrollCommand.class.getName(), List.of(), full))
                .redirectOutput(out.toFile())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        command = process;
        int exit = process.waitFor();
        command = null;
        if (exit == 137) {
            return null;
        }
        if (exit != 0) {
            String error = (Files.readString(errors) + Files.readString(out)).strip();
            log.fail(
                    operation,
                    "exit " + exit + ": "
                            + (error.isEmpty()
                                    ? "(no message)"
                                    : error.lines().limit(3).collect(Collectors.joining(" | "))));
            if (error.contains("Exception") && error.contains("\tat ")) {
                crashes.add(name + " " + String.join(" ", arguments) + " printed a stack trace:\n" + error);
            }
            return null;
        }
        String text = Files.readString(out).strip();
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    @Override
    public boolean kill() throws InterruptedException {
        Process process = command;
        if (process == null || !process.isAlive()) {
            return false;
        }
        ChildJvm.kill(process);
        return true;
    }

    @Override
    public void tend() {}

    @Override
    public void stop() throws Exception {
        thread.join();
        log.close();
    }

    @Override
    public List<String> crashes() {
        return crashes;
    }

    int commands() {
        return commands;
    }

    private static String withHashes(List<JsonNode> assets) {
        return assets.stream()
                .map(asset -> asset.get("id").asText() + ":"
                        + StressFiles.hashOrUnknown(
                                Path.of(URI.create(asset.get("uri").asText()))))
                .collect(Collectors.joining(","));
    }

    private static List<String> ids(List<JsonNode> assets) {
        return assets.stream().map(asset -> asset.get("id").asText()).toList();
    }
}
