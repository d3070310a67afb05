package dev.camroll.core.library;

import dev.camroll.core.testing.CallLog;
import dev.camroll.core.testing.CallLog.Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the logs of a stress run say happened: the ids reported (which must all still be there),
 * the photos that must still be there (those of the first index and every completed import),
 * how many copies each content may have, and which ids held each content.
 */
final class StressLedger {
    private final List<Line> lines;
    private final Map<String, Line> reported = new LinkedHashMap<>();
    private final Map<String, String> mustSurvive = new LinkedHashMap<>();
    private final Map<String, Integer> copies = new HashMap<>();
    /** Each copy asked: the id and the content its file had when the asker listed it. */
    private final List<String[]> copiesAsked = new ArrayList<>();
    /** The content of ids whose file the run made itself (indexed or imported): certain. */
    private final Map<String, String> contentOfId = new HashMap<>();

    private final Map<String, Set<String>> idsOfContent = new HashMap<>();
    private final Map<String, int[]> operations = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private int copiesOfUnknownContent;

    private StressLedger(List<Line> lines) {
        this.lines = lines;
    }

    static StressLedger read(Path logs) throws IOException {
        List<Line> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.filter(file -> file.toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
        StressLedger ledger = new StressLedger(all);
        for (Path file : files) {
            List<Line> lines = CallLog.read(file);
            all.addAll(lines);
            ledger.replay(lines);
        }
        ledger.countCopies();
        all.sort(Comparator.comparingLong(Line::millis));
        return ledger;
    }

    /** One process's log, in order: each call with the line that ended it, if any. */
    private void replay(List<Line> log) {
        Line call = null;
        for (Line line : log) {
            if (line.kind().equals("call")) {
                if (call != null) {
                    count(call.operation(), 2);
                }
                call = line;
                started(line);
                continue;
            }
            line.reportedIds().forEach(id -> reported.putIfAbsent(id, line));
            if (call == null) {
                continue;
            }
            if (line.isDone()) {
                count(call.operation(), 0);
                completed(call, line);
            } else {
                count(call.operation(), 1);
                String error = line.words().stream().collect(Collectors.joining(" "));
                errors.merge(call.operation() + ": " + error.replaceAll("[a-z0-9]{13}", "ID"), 1, Integer::sum);
            }
            call = null;
        }
        if (call != null) {
            count(call.operation(), 2);
        }
    }

    /** What a call tells once it starts: the content of the assets a copy or move is given. */
    private void started(Line call) {
        if (!call.operation().equals("copy") && !call.operation().equals("move")) {
            return;
        }
        for (String idAndHash : call.words().get(1).split(",")) {
            String[] parts = idAndHash.split(":");
            idsOfContent.computeIfAbsent(parts[1], hash -> new HashSet<>()).add(parts[0]);
            if (call.operation().equals("copy")) {
                copiesAsked.add(parts);
            }
        }
    }

    private void completed(Line call, Line done) {
        switch (call.operation()) {
            case "index", "import" -> {
                String hash = call.operation().equals("index")
                        ? call.words().getFirst()
                        : call.words().get(1);
                String file = call.words().get(call.operation().equals("index") ? 1 : 2);
                mustSurvive.put(
                        hash,
                        file + " (" + call.operation() + "ed as " + done.words().getFirst() + ")");
                idsOfContent.computeIfAbsent(hash, h -> new HashSet<>()).addAll(done.reportedIds());
                done.reportedIds().forEach(id -> contentOfId.put(id, hash));
            }
            default -> {}
        }
    }

    /**
     * The asker hashed the file its last listing named, and another process may have put other
     * content at that name since: a copy then counts for the content it was listed with and for
     * the content the id certainly has, as either may be the one copied.
     */
    private void countCopies() {
        for (String[] asked : copiesAsked) {
            String listed = asked[1];
            if (listed.equals("?")) {
                copiesOfUnknownContent++;
            } else {
                copies.merge(listed, 1, Integer::sum);
            }
            String certain = contentOfId.get(asked[0]);
            if (certain != null && !certain.equals(listed)) {
                copies.merge(certain, 1, Integer::sum);
            }
        }
    }

    private void count(String operation, int outcome) {
        operations.computeIfAbsent(operation, key -> new int[3])[outcome]++;
    }

    /** Every id a process reported, with the first line that reported it. */
    Map<String, Line> reported() {
        return reported;
    }

    /** The content of every photo that must be on disk or in the trash, with what it was. */
    Map<String, String> mustSurvive() {
        return mustSurvive;
    }

    /** How many files of this content may exist: the original and one per copy asked. */
    int mostFiles(String hash) {
        return 1 + copies.getOrDefault(hash, 0) + copiesOfUnknownContent;
    }

    /** The content an id held as far as the logs tell, or null. */
    String contentOf(String id) {
        return idsOfContent.entrySet().stream()
                .filter(entry -> entry.getValue().contains(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    Set<String> idsOf(String hash) {
        return idsOfContent.getOrDefault(hash, Set.of());
    }

    /**
     * The last {@code count} lines of any process that mention one of these ids, and the opens
     * and scans (which reconcile and index) up to 3 s after the last of them, in time order; the
     * long id lists of queries are shortened.
     */
    String history(Set<String> ids, int count) {
        List<Line> mentions = lines.stream()
                .filter(line ->
                        line.words().stream().anyMatch(word -> ids.stream().anyMatch(word::contains)))
                .toList();
        mentions = mentions.subList(Math.max(0, mentions.size() - count), mentions.size());
        if (mentions.isEmpty()) {
            return "    (no process mentioned " + ids + ")";
        }
        long from = mentions.getFirst().millis();
        long to = mentions.getLast().millis() + 3_000;
        Set<Line> shown = new HashSet<>(mentions);
        return lines.stream()
                .filter(line -> shown.contains(line)
                        || (line.millis() >= from
                                && line.millis() <= to
                                && (line.operation().equals("open")
                                        || line.operation().equals("scan"))))
                .map(line -> "    " + shortened(line, ids))
                .collect(Collectors.joining("\n"));
    }

    String shortened(Line line, Set<String> ids) {
        List<String> words = line.words().stream()
                .map(word -> {
                    if (word.length() < 120) {
                        return word;
                    }
                    List<String> named = ids.stream().filter(word::contains).toList();
                    return "<" + word.split(",").length + " ids" + (named.isEmpty() ? "" : " incl. " + named) + ">";
                })
                .toList();
        return line.actor() + " " + line.millis() + " " + line.kind() + " " + line.operation() + " "
                + String.join(" ", words);
    }

    /** How many calls of an operation a kill left unfinished. */
    int unfinished(String operation) {
        int[] counts = operations.get(operation);
        return counts == null ? 0 : counts[2];
    }

    /** Calls per operation (done / failed / unfinished) and the errors met, most frequent first. */
    String summary() {
        StringBuilder text = new StringBuilder("calls (done/failed/unfinished):");
        operations.forEach((operation, counts) -> text.append(' ')
                .append(operation)
                .append(' ')
                .append(counts[0])
                .append('/')
                .append(counts[1])
                .append('/')
                .append(counts[2]));
        text.append("\nerrors:");
        errors.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(error -> text.append("\n  ")
                        .append(error.getValue())
                        .append("x ")
                        .append(error.getKey()));
        return text.toString();
    }
}
