package dev.camroll.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code camroll} in-process, with the engine found on the class path, and captures what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {}

    private boolean debugFromEnvironment;

    /** As if CAMROLL_DEBUG=1 were set. */
    Cli debugFromEnvironment() {
        this.debugFromEnvironment = true;
        return this;
    }

    Result run(String... args) {
        CommandLine commandLine = CamrollCommand.commandLine(debugFromEnvironment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
