package dev.camroll.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line shared by the generators: {@code OUTPUT_DIR COUNT [--folders N] [--seed S]}. */
record GeneratorArgs(Path outputDir, int count, int folders, long seed) {

    /**
     * The main of a generator: parses the arguments (usage errors exit 2), runs {@code generate},
     * which returns the bytes written, and prints one summary line.
     */
    static void run(
            String program,
            String[] args,
            int defaultFolders,
            String what,
            java.util.function.ToLongFunction<GeneratorArgs> generate) {
        GeneratorArgs options;
        try {
            options = parse(program, args, defaultFolders);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        long bytes = generate.applyAsLong(options);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                java.util.Locale.ROOT,
                "wrote %d %s (%.1f MB) in %d folders under %s in %.1f s (%.0f files/s)%n",
                options.count(),
                what,
                bytes / 1e6,
                options.folders(),
                options.outputDir(),
                seconds,
                options.count() / seconds);
    }

    static GeneratorArgs parse(String program, String[] args, int defaultFolders) {
        List<String> positional = new ArrayList<>();
        int folders = defaultFolders;
        long seed = 1L;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--folders" -> folders = (int) number(program, arg, value(program, args, ++i), 1, 1_000_000);
                case "--seed" -> seed = number(program, arg, value(program, args, ++i), Long.MIN_VALUE, Long.MAX_VALUE);
                case "-h", "--help" -> throw new UsageException(program, null);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException(program, "unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 2) {
            throw new UsageException(program, "expected OUTPUT_DIR and COUNT");
        }
        int count = (int) number(program, "COUNT", positional.get(1), 1, Integer.MAX_VALUE);
        return new GeneratorArgs(Path.of(positional.get(0)), count, Math.min(folders, count), seed);
    }

    /** The folder of file {@code index}: files are spread over the folders in runs of equal length. */
    int folderOf(int index) {
        return (int) ((long) index * folders / count);
    }

    private static String value(String program, String[] args, int i) {
        if (i >= args.length) {
            throw new UsageException(program, args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static long number(String program, String name, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(program, name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageException(program, name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** Bad command line: the message, then the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String program, String problem) {
            super((problem == null ? "" : program + ": " + problem + "\n") + "usage: " + program
                    + " OUTPUT_DIR COUNT [--folders N] [--seed S]");
        }
    }
}
