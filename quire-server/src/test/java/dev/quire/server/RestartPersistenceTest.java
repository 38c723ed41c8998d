package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.identity.credentials.RootCredentials;
import dev.quire.server.support.RunningQuire;
import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/** Generated root keys survive a restart, in H2 and in PostgreSQL, and still sign requests. */
class RestartPersistenceTest {
    @TempDir
    Path dataDir;

    @Test
    void generatedRootKeysSurviveARestartOnH2() throws Exception {
        assertKeysSurviveRestart(null, "", "");
        String profile = Files.readString(dataDir.resolve("credentials"));
        assertThat(profile).contains("[quire]").contains("aws_access_key_id = AKIA");
    }

    @Test
    void generatedRootKeysSurviveARestartOnPostgres() {
        PostgresTestServer.Database db = PostgresTestServer.newDatabase();
        assertKeysSurviveRestart(db.jdbcUrl(), db.user(), db.password());
    }

    private void assertKeysSurviveRestart(String url, String user, String password) {
        RootCredentials first;
        try (RunningQuire quire = RunningQuire.start(dataDir, url, user, password, Optional.empty())) {
            first = quire.server().rootCredentials();
            assertThat(quire.server().rootCredentialsGenerated()).isTrue();
        }
        try (RunningQuire quire = RunningQuire.start(dataDir, url, user, password, Optional.empty())) {
            assertThat(quire.server().rootCredentialsGenerated()).isFalse();
            assertThat(quire.server().rootCredentials()).isEqualTo(first);
            try (StsClient sts = quire.sts(quire.rootCredentials())) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:root");
            }
        }
    }
}
