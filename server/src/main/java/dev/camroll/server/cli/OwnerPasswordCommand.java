package dev.camroll.server.cli;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.server.http.owner.OwnerPassword;
import dev.camroll.server.http.owner.PasswordRules;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "password",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Sets the owner's password of the web pages of LIBRARY: asks for it twice without showing it"
                    + " (from standard input, one line each, when that is not a terminal). At least "
                    + PasswordRules.MIN_LENGTH + " characters. Only its Argon2id hash is stored; a running"
                    + " server takes it at once and signs every browser out."
        })
final class OwnerPasswordCommand implements Callable<Integer> {

    @Mixin
    private LibraryMixin library;

    @Override
    public Integer call() {
        library.checkFolder();
        Console console = System.console();
        String password;
        String repeat;
        if (console != null && console.isTerminal()) {
            password = read(console, "New password (at least " + PasswordRules.MIN_LENGTH + " characters): ");
            repeat = read(console, "The same again: ");
        } else {
            // Both lines read at once: a second reader would lose what the first one buffered.
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            password = line(in);
            repeat = line(in);
        }
        if (password == null || !password.equals(repeat)) {
            throw new InvalidArgumentException("the two passwords differ: nothing was changed");
        }
        OwnerPassword.of(library.dataFolder()).set(password);
        PrintWriter out = library.out();
        out.println(
                library.json()
                        ? dev.camroll.wire.ApiJson.writeLine(Map.of("passwordSet", true))
                        : "The owner's password is set; browsers signed in before must sign in again.");
        out.flush();
        return 0;
    }

    private static String read(Console console, String prompt) {
        char[] typed = console.readPassword("%s", prompt);
        return typed == null ? null : new String(typed);
    }

    private static String line(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
