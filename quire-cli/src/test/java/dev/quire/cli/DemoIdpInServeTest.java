package dev.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.cli.demo.DemoSettings;
import dev.quire.cli.demo.DemoUsers;
import dev.quire.devidp.DevIdp;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code quire serve} starts the development IdP only when asked with --enable-dev-idp. */
class DemoIdpInServeTest {
    @TempDir
    Path dataDir;

    @Test
    void theDevIdpIsOffUnlessEnabledExplicitly() {
        ServeCommand plain = new ServeCommand();
        new CommandLine(plain).parseArgs("--port", "0");
        assertThat(plain.enableDevIdp).isFalse();

        ServeCommand enabled = new ServeCommand();
        new CommandLine(enabled).parseArgs("--enable-dev-idp", "--idp-port", "0");
        assertThat(enabled.enableDevIdp).isTrue();
        assertThat(enabled.idpPort).isZero();
    }

    @Test
    void whenEnabledItServesTheDemoUsersWithTheSavedClient() throws Exception {
        try (QuireServer server = QuireServer.start(ServerConfig.fromEnvironment("127.0.0.1", 0, dataDir, null, Map.of()));
             DevIdp idp = DevIdpForServe.start(server, dataDir, 0)) {
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(idp.discoveryUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(DemoUsers.load(dataDir).find("mary")).isPresent();
            String clientId = DemoSettings.load(dataDir).clientId();
            assertThat(idp.idTokenFor("mary", clientId)).isNotBlank();
        }
    }
}
