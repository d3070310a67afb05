package dev.camroll.server.cli;

import dev.camroll.api.CamrollException;
import dev.camroll.api.InvalidArgumentException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on stderr that starts with {@code camroll: }. A bad command
 * line, or a value the engine refuses ({@link InvalidArgumentException}), exits with 2; a command
 * that fails exits with 1. Only unexpected exceptions (not a {@link
 * CamrollException}, whose messages are written for users) get a hint, and their stack trace
 * with {@code --debug} or {@code CAMROLL_DEBUG=1}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String PREFIX = "camroll: ";

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
        if (ex instanceof InvalidArgumentException) {
            // A value of the command line the engine refused, such as a cursor of another query.
            err.println(PREFIX + oneLine(ex.getMessage()));
            err.flush();
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (ex instanceof CamrollException) {
            err.println(PREFIX + oneLine(ex.getMessage()));
        } else {
            String hint = debug ? "" : " (run again with --debug or CAMROLL_DEBUG=1 for the stack trace)";
            err.println(PREFIX + "unexpected error: " + oneLine(String.valueOf(ex)) + hint);
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
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
