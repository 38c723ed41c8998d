package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.support.SignedHttp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAndLifecycleTest {
    @TempDir
    Path dataDir;

    private ServerConfig config(Path dir, int port) {
        return new ServerConfig("127.0.0.1", port, dir, null, "", "", "123456789012",
                Optional.of(RunningQuire.ROOT), ServerConfig.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
    }

    @Test
    void healthIs503UntilTheStoreIsOpenThen200() {
        QuireServer server = QuireServer.listenOnly(config(dataDir, 0));
        try {
            URI health = URI.create(server.endpoint() + "/_quire/health");
            assertThat(SignedHttp.sendRaw(health, "GET", Map.of(), new byte[0]).statusCode()).isEqualTo(503);
            HttpResponse<String> early = SignedHttp.sendRaw(URI.create(server.endpoint() + "/applications"), "GET", Map.of(), new byte[0]);
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableException");
            server.openAndWire();
            assertThat(SignedHttp.sendRaw(health, "GET", Map.of(), new byte[0]).statusCode()).isEqualTo(200);
        } finally {
            server.close();
        }
    }

    @Test
    void aTakenPortGivesAMessageThatSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> QuireServer.start(config(dataDir, taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use").hasMessageContaining("--port");
        }
    }

    @Test
    void anUnwritableDataDirGivesAMessageThatSaysWhatToDo() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        assertThatThrownBy(() -> QuireServer.start(config(file.resolve("sub"), 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.resolve("sub").toString()).hasMessageContaining("--data-dir");
    }
}
