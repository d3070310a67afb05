package dev.camroll.server.cli;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on stderr that starts with {@code camroll: }, and its {@link
 * ErrorCode} into the exit code ({@link #exitCode}, the one place): a bad command line, or input
 * the engine refuses, exits with 2; a command that fails exits with 1. Only unexpected exceptions
 * (not a {@link CamrollException}, whose messages are written for users) get a hint, and their
 * stack trace with {@code --debug} or {@code CAMROLL_DEBUG=1}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String PREFIX = "camroll: ";
    /** A bad command line, or a value of it that the engine refused. */
    static final int BAD_INPUT = 2;
    /** The command failed. */
    static final int FAILED = 1;

    private final boolean debugFromEnvironment;

    ErrorHandler(boolean debugFromEnvironment) {
        this.debugFromEnvironment = debugFromEnvironment;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        StringBuilder line = new StringBuilder(PREFIX).append(userMessage(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ")
                    .append(String.join(" or ", unmatched.getSuggestions()))
                    .append("?)");
        }
        line.append("; see '")
                .append(commandLine.getCommandSpec().qualifiedName())
                .append(" --help'");
        err.println(line);
        if (debug(commandLine)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = debug(commandLine);
        if (ex instanceof CamrollException camroll) {
            err.println(PREFIX + oneLine(ex.getMessage()));
            int exitCode = exitCode(camroll.code());
            // Refused input is the user's to fix, as a bad command line is: no stack trace.
            if (debug && exitCode != BAD_INPUT) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode;
        }
        String hint = debug ? "" : " (run again with --debug or CAMROLL_DEBUG=1 for the stack trace)";
        err.println(PREFIX + "unexpected error: " + oneLine(String.valueOf(ex)) + hint);
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /**
     * The exit code of an engine error: input refused (a value, content that is not media or too
     * large, a name that is taken, such as a cursor of another query) is the user's to change, like
     * a bad command line; everything else is a command that failed.
     */
    static int exitCode(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, NOT_MEDIA, TOO_LARGE, CONFLICT -> BAD_INPUT;
            case NOT_FOUND,
                    NO_THUMBNAIL,
                    NO_RENDITION,
                    NO_SPACE,
                    READ_ONLY,
                    DAMAGED_INDEX,
                    BAD_DATA_FOLDER,
                    IO_ERROR,
                    UNAVAILABLE,
                    UNAUTHORIZED,
                    FORBIDDEN,
                    CONFIRMATION_REQUIRED,
                    INTERNAL -> FAILED;
        };
    }

    /** Whether stack traces are wanted: {@code --debug} or {@code CAMROLL_DEBUG=1}. */
    boolean debug(CommandLine commandLine) {
        if (debugFromEnvironment) {
            return true;
        }
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof CamrollCommand camroll && camroll.debug();
    }

    /** Picocli's messages start with a capital ("Unknown option"); ours do not. */
    private static String userMessage(String message) {
        String text = oneLine(message);
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
