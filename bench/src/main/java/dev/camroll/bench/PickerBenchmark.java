package dev.camroll.bench;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.picker.CropRect;
import dev.camroll.core.picker.PhotoEdit;
import dev.camroll.core.picker.PickerChoice;
import dev.camroll.core.picker.PickerSession;
import dev.camroll.core.picker.PickerSessions;
import dev.camroll.core.picker.Requester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the picker's photo result as the person confirms it: a session of one photo with
 * editing, aspect 4:3 and quality 0.8, answered with a 4:3 crop of 90 % of the picture; the time
 * is that of {@code complete}, from the answer to the result file ready in the data folder
 * (choice checked, original read, decoded, cropped, encoded, session written). One thread, after
 * warm-up runs. Prints "best-ms median-ms best-cpu-ms result-bytes width height" on stdout (the CPU
 * time is the calling thread's, where the decoder and the encoder both run: on a loaded machine
 * it says what the work costs, whatever the wait for a core).
 *
 * <pre>PickerBenchmark LIBRARY RUNS</pre>
 */
public final class PickerBenchmark {
    private static final int WARM_UP = 3;

    private PickerBenchmark() {}

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        try (LocalMediaLibrary library = (LocalMediaLibrary)
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            Asset photo = library.getAssets(AssetQuery.builder().first(1).build())
                    .assets()
                    .getFirst();
            int width = photo.width() * 9 / 10 / 4 * 4;
            int height = width * 3 / 4;
            PickerOptions options = PickerOptions.builder()
                    .allowsEditing(true)
                    .aspect(new Aspect(4, 3))
                    .quality(0.8)
                    .build();
            PickerChoice choice = PickerChoice.edited(
                    photo.id(),
                    PhotoEdit.crop(
                            new CropRect((photo.width() - width) / 2, (photo.height() - height) / 2, width, height)));
            PickerSessions sessions = library.pickerSessions();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> times = new ArrayList<>();
            List<Double> cpuTimes = new ArrayList<>();
            long bytes = 0;
            int resultWidth = 0;
            int resultHeight = 0;
            for (int run = 0; run < WARM_UP + runs; run++) {
                PickerSession session = sessions.create(Requester.owner(), options);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                PickerSession picked = sessions.complete(session.id(), choice);
                double millis = (System.nanoTime() - start) / 1e6;
                double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                var result = picked.result().assets().getFirst();
                bytes = result.fileSize();
                resultWidth = result.width();
                resultHeight = result.height();
                sessions.delete(Requester.owner(), session.id());
                if (run >= WARM_UP) {
                    times.add(millis);
                    cpuTimes.add(cpuMillis);
                    System.err.printf(
                            Locale.ROOT, "  run %d: %.0f ms wall, %.0f ms CPU%n", run - WARM_UP + 1, millis, cpuMillis);
                }
            }
            Collections.sort(times);
            Collections.sort(cpuTimes);
            System.out.printf(
                    Locale.ROOT,
                    "%.0f %.0f %.0f %d %d %d%n",
                    times.getFirst(),
                    times.get(times.size() / 2),
                    cpuTimes.getFirst(),
                    bytes,
                    resultWidth,
                    resultHeight);
        }
    }
}
