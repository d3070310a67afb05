package dev.camroll.server.cli;

import dev.camroll.core.files.RawNames;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text for people: tables, local times, durations and sizes. */
final class TextFormat {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private TextFormat() {}

    /** A cell of text: nothing for null, one line. */
    static String text(String value) {
        return value == null ? "" : RawNames.display(value).replaceAll("\\R", " ");
    }

    /** A count with its noun: "1 asset", "2 assets". */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Epoch milliseconds as a local ISO time to the second in {@code zone}: 2024-05-01T10:00:00. */
    static String localTime(long epochMillis, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        return LOCAL_TIME.format(local.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A media duration in seconds: 0:07.5, 1:23.0, 1:02:03.0. */
    static String duration(double seconds) {
        long tenths = Math.round(seconds * 10);
        long wholeSeconds = tenths / 10;
        long hours = wholeSeconds / 3600;
        long minutes = wholeSeconds / 60 % 60;
        String secondsPart = String.format(Locale.ROOT, "%02d.%d", wholeSeconds % 60, tenths % 10);
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%s", hours, minutes, secondsPart)
                : String.format(Locale.ROOT, "%d:%s", minutes, secondsPart);
    }

    /** A time taken: 850 ms, 12.3 s, 4 min 05 s. */
    static String elapsed(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** A rate such as files per second, with a precision that suits its size. */
    static String rate(long count, long millis) {
        if (millis <= 0) {
            return "-";
        }
        double perSecond = count * 1000.0 / millis;
        return perSecond >= 100
                ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** Bytes in binary units: 812 B, 2.4 MiB. */
    static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A table with a header row, columns padded to their widest cell; numeric columns align right. */
    static final class Table {
        private final List<String> headers;
        private final boolean[] rightAligned;
        private final List<List<String>> rows = new ArrayList<>();
        private boolean showHeaders = true;

        Table(String... headers) {
            this.headers = List.of(headers);
            this.rightAligned = new boolean[headers.length];
        }

        Table alignRight(int... columns) {
            for (int column : columns) {
                rightAligned[column] = true;
            }
            return this;
        }

        /** Key and value tables: the headers only set the number of columns. */
        Table withoutHeaders() {
            showHeaders = false;
            return this;
        }

        Table row(String... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
            }
            rows.add(List.of(cells));
            return this;
        }

        @Override
        public String toString() {
            int[] widths = new int[headers.size()];
            for (List<String> row : allRows()) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (List<String> row : allRows()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    if (i > 0) {
                        line.append("  ");
                    }
                    String cell = row.get(i);
                    String padding = " ".repeat(widths[i] - cell.length());
                    line.append(rightAligned[i] ? padding + cell : cell + padding);
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }

        private List<List<String>> allRows() {
            List<List<String>> all = new ArrayList<>(rows.size() + 1);
            if (showHeaders) {
                all.add(headers);
            }
            all.addAll(rows);
            return all;
        }
    }
}
