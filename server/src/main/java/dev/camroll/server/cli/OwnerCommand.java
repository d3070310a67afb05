package dev.camroll.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "owner",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        subcommands = OwnerPasswordCommand.class,
        description = {
            "The owner of the server of LIBRARY (camroll serve): owner password sets the web pages' password."
        })
final class OwnerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
