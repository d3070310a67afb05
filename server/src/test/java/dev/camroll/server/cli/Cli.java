package dev.camroll.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code camroll} in-process and captures what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {}

    private final LibraryOpener opener;
    private boolean debugFromEnvironment;

    Cli(LibraryOpener opener) {
        this.opener = opener;
    }

    /** With the real engine, found through ServiceLoader. */
    static Cli engine() {
        return new Cli(LibraryOpener.ENGINE);
    }

    Cli debugFromEnvironment() {
        this.debugFromEnvironment = true;
        return this;
    }

    Result run(String... args) {
        CommandLine commandLine = CamrollCommand.commandLine(opener, debugFromEnvironment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
