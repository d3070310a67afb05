package dev.camroll.server.cli;

import dev.camroll.core.files.RawNames;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code camroll} command: the entry point of the launcher script. */
@Command(
        name = "camroll",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "A media library for the photos, videos and audio of a folder tree.",
        subcommands = {
            ScanCommand.class,
            AssetsCommand.class,
            InfoCommand.class,
            AlbumsCommand.class,
            WatchCommand.class,
            ImportCommand.class,
            RmCommand.class,
            TrashCommand.class,
            AlbumCommand.class,
            FavoriteCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 the command failed (no index, unknown id, ...), 2 bad command line.",
            "Set CAMROLL_DEBUG=1 (or pass --debug) to see the stack trace of an unexpected error."
        })
public final class CamrollCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of unexpected errors.")
    private boolean debug;

    boolean debug() {
        return debug;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.usage(commandLine.getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** The command line of {@code camroll}, with the error handling of the command. */
    static CommandLine commandLine(boolean debugFromEnvironment) {
        CommandLine commandLine = new CommandLine(new CamrollCommand());
        ErrorHandler errors = new ErrorHandler(debugFromEnvironment);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        // Paths rebuilt from the lossless form of their names (see RawArguments).
        commandLine.registerConverter(Path.class, RawNames::path);
        // Files whose names start with a dash: import checks that each such word names a file.
        commandLine.getSubcommands().get("import").setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    public static void main(String[] args) {
        boolean debug = "1".equals(System.getenv("CAMROLL_DEBUG"));
        System.exit(commandLine(debug).execute(RawArguments.of(args)));
    }
}
