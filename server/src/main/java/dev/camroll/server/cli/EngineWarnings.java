package dev.camroll.server.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints what the engine logs (through {@code System.Logger}, which lands in java.util.logging) as
 * one line each on stderr, {@code camroll: warning: ...}, with the cause's message: the folder
 * watcher logs a failed scan and retries, and a person running {@code watch} wants to read why,
 * not a stack trace (that comes only with {@code --debug}).
 */
final class EngineWarnings extends Handler {
    private final PrintWriter err;
    private final boolean debug;

    private EngineWarnings(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
        setLevel(Level.WARNING);
    }

    /** Replaces the handlers of the root logger: from now on, warnings go to {@code err}. */
    static void printTo(PrintWriter err, boolean debug) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new EngineWarnings(err, debug));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        StringBuilder line = new StringBuilder(ErrorHandler.PREFIX).append("warning: ");
        line.append(oneLine(record.getMessage()));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            String cause = thrown.getMessage() != null ? thrown.getMessage() : thrown.toString();
            line.append(": ").append(oneLine(cause));
        }
        synchronized (err) {
            err.println(line);
            if (debug && thrown != null) {
                thrown.printStackTrace(err);
            }
            err.flush();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
