package dev.camroll.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints p50 and p99 of each sample-time benchmark in a JMH JSON result file, one line each, under
 * a title (the second argument; getAssets' when none is given).
 */
public final class JmhSummary {
    private static final Pattern RESULT = Pattern.compile(
            "\"params\"\\s*:\\s*\\{([^}]*)\\}.*?\"50\\.0\"\\s*:\\s*([0-9.Ee-]+).*?\"99\\.0\"\\s*:\\s*([0-9.Ee-]+)",
            Pattern.DOTALL);

    private JmhSummary() {}

    public static void main(String[] args) throws Exception {
        String json = Files.readString(Path.of(args[0]));
        Matcher matcher = RESULT.matcher(json);
        String title = args.length > 1 ? args[1] : "getAssets first=100, any depth";
        System.out.printf("%-46s %10s %10s%n", title, "p50 ms", "p99 ms");
        while (matcher.find()) {
            String params = matcher.group(1)
                    .replaceAll("\"library\"\\s*:\\s*\"[^\"]*\",?", "")
                    .replaceAll("\"startPoints\"\\s*:\\s*\"[^\"]*\",?", "")
                    .replaceAll("[\"\\s]", "");
            System.out.printf(
                    "%-46s %10.3f %10.3f%n",
                    params, Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3)));
        }
    }
}
