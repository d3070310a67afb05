package dev.camroll.server.cli;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.store.DriverWarmUp;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
        footer = {
            "",
            "Exit codes: 0 done, 1 the command failed (no index, unknown id, ...), 2 bad command line.",
            "Set CAMROLL_DEBUG=1 (or pass --debug) to see the stack trace of an unexpected error."
        })
public final class CamrollCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order of the usage help. Made on demand: picocli builds the model of
     * every command it is given from its annotations, by reflection, which was most of the time of
     * a short command such as {@code assets} (picocli's classes are too old a class file version
     * for the class-data sharing archive), so a command line names only the one it runs.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("token", TokenCommand::new);
        commands.put("owner", OwnerCommand::new);
        commands.put("apps", AppsCommand::new);
        commands.put("scan", ScanCommand::new);
        commands.put("assets", AssetsCommand::new);
        commands.put("info", InfoCommand::new);
        commands.put("albums", AlbumsCommand::new);
        commands.put("moments", MomentsCommand::new);
        commands.put("watch", WatchCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("rm", RmCommand::new);
        commands.put("trash", TrashCommand::new);
        commands.put("album", AlbumCommand::new);
        commands.put("favorite", FavoriteCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

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

    /** The command line of {@code camroll} with every subcommand, with the error handling of the command. */
    static CommandLine commandLine(boolean debugFromEnvironment) {
        return commandLine(debugFromEnvironment, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: with only the subcommand they name (the first word
     * that is not an option), or with all of them when they name none or {@code help} (the usage
     * lists them all, and an unknown word is reported with the known ones).
     */
    static CommandLine commandLine(boolean debugFromEnvironment, String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return SUBCOMMANDS.containsKey(arg) && !arg.equals("help")
                        ? commandLine(debugFromEnvironment, List.of(arg))
                        : commandLine(debugFromEnvironment);
            }
        }
        return commandLine(debugFromEnvironment);
    }

    private static CommandLine commandLine(boolean debugFromEnvironment, Collection<String> names) {
        CommandLine commandLine = new CommandLine(new CamrollCommand());
        for (String name : names) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        ErrorHandler errors = new ErrorHandler(debugFromEnvironment);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        // Paths rebuilt from the lossless form of their names (see RawArguments).
        commandLine.registerConverter(Path.class, RawNames::path);
        // Files whose names start with a dash: import checks that each such word names a file.
        CommandLine importCommand = commandLine.getSubcommands().get("import");
        if (importCommand != null) {
            importCommand.setUnmatchedOptionsArePositionalParams(true);
        }
        return commandLine;
    }

    public static void main(String[] args) {
        // While picocli builds the command's model from its annotations, another core loads
        // SQLite's driver, which nearly every command opens.
        DriverWarmUp.start();
        boolean debug = "1".equals(System.getenv("CAMROLL_DEBUG"));
        String[] arguments = RawArguments.of(args);
        System.exit(commandLine(debug, arguments).execute(arguments));
    }
}
