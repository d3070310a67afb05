package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A command line builds the model of the subcommand it runs only: picocli reads every command's
 * annotations by reflection, which was most of a short command's start-up.
 */
class SubcommandModelTest {

    @Test
    void aCommandLineNamingASubcommandHasOnlyThatOne() {
        assertThat(CamrollCommand.commandLine(false, new String[] {"--debug", "assets", "LIB", "--json"})
                        .getSubcommands())
                .containsOnlyKeys("assets");
    }

    @Test
    void helpAnUnknownWordOrNoneHaveThemAll() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "assets"}, {"nosuch"}}) {
            assertThat(CamrollCommand.commandLine(false, args).getSubcommands())
                    .as(String.join(" ", args))
                    .containsKeys(
                            "scan",
                            "assets",
                            "info",
                            "albums",
                            "watch",
                            "import",
                            "rm",
                            "trash",
                            "album",
                            "favorite",
                            "help");
        }
    }
}
