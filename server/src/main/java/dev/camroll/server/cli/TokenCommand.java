package dev.camroll.server.cli;

import dev.camroll.server.http.OwnerToken;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "The owner's token of the server of LIBRARY (camroll serve). Only its hash is stored, so the"
                    + " token itself is printed only when made: --reset makes a new one and prints it,"
                    + " and the old one stops working at once, in a running server too."
        })
final class TokenCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Option(names = "--reset", description = "Make a new token (the old one stops working) and print it.")
    private boolean reset;

    @Override
    public Integer call() {
        library.checkFolder();
        PrintWriter out = library.out();
        if (reset) {
            String token = OwnerToken.reset(library.dataFolder());
            out.println(library.json() ? dev.camroll.wire.ApiJson.writeLine(Map.of("token", token)) : token);
        } else {
            boolean exists = OwnerToken.load(library.dataFolder()).isPresent();
            String root = TextFormat.text(library.root().toString());
            out.println(
                    exists
                            ? "A token exists; only its hash is stored. camroll token " + root
                                    + " --reset makes a new one and prints it."
                            : "No token yet: camroll serve " + root + " makes one at first start (or camroll token "
                                    + root + " --reset now).");
        }
        out.flush();
        return 0;
    }
}
