package dev.quire.server.qbusiness;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/** Documents through the SDK on embedded H2. */
class DocumentsSdkTest extends DocumentsSdkContract {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static QBusinessClient client;
    static DocumentsFixture fixture;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
        client = quire.qbusiness(quire.rootCredentials());
        fixture = DocumentsFixture.create(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        quire.close();
    }

    @Override
    QBusinessClient qb() {
        return client;
    }

    @Override
    DocumentsFixture fixture() {
        return fixture;
    }
}
