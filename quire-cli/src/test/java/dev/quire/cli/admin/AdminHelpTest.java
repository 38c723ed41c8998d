package dev.quire.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.cli.QuireCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every admin and login command is reachable from {@code quire} and its help ends with an example. */
class AdminHelpTest {
    @Test
    void eachCommandsHelpTeachesWithAnExample() {
        String[][] commands = {{"admin"}, {"admin", "create-oidc-app"}, {"admin", "create-saml-app"},
                {"admin", "put-group"}, {"admin", "ingest"}, {"admin", "delete-app"}, {"login"}};
        for (String[] path : commands) {
            CommandLine cmd = new CommandLine(new QuireCommand());
            for (String name : path) {
                cmd = cmd.getSubcommands().get(name);
            }
            assertThat(cmd).as(String.join(" ", path)).isNotNull();
            StringWriter help = new StringWriter();
            cmd.usage(new PrintWriter(help));
            assertThat(help.toString()).as(String.join(" ", path)).contains("Example", "./quire " + path[0]);
        }
    }
}
