package dev.quire.server;

import static dev.quire.server.IamFixtures.certificateBase64;
import static dev.quire.server.IamFixtures.iamError;
import static dev.quire.server.IamFixtures.samlMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.quire.server.support.RunningQuire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/** SAML providers through the AWS SDK for Java v2, including hostile metadata documents. */
class IamSamlProviderTest {
    static final String CERT = certificateBase64();
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static IamClient iam;
    /** A loopback "attacker" server: any request it receives means the parser fetched something. */
    static HttpServer attacker;
    static final AtomicInteger fetches = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        quire = RunningQuire.h2(dataDir);
        iam = quire.iam(quire.rootCredentials());
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "<!ENTITY leak SYSTEM \"file:///etc/passwd\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stop() {
        attacker.stop(0);
        iam.close();
        quire.close();
    }

    private static String create(String name, String metadata) {
        return iam.createSAMLProvider(r -> r.name(name).samlMetadataDocument(metadata)).samlProviderArn();
    }

    @Test
    void aProviderIsCreatedReadListedUpdatedAndDeleted() {
        String metadata = samlMetadata("https://idp.example.com/saml", "signing", CERT, "2099-01-01T00:00:00Z");
        var created = iam.createSAMLProvider(r -> r.name("Corp_IdP-1.0").samlMetadataDocument(metadata)
                .tags(Tag.builder().key("team").value("sec").build()));
        String arn = created.samlProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::123456789012:saml-provider/Corp_IdP-1.0");
        assertThat(created.tags()).hasSize(1);

        GetSamlProviderResponse got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(got.samlMetadataDocument()).isEqualTo(metadata);
        assertThat(got.validUntil()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(got.createDate()).isNotNull();
        assertThat(iam.listSAMLProviders().samlProviderList()).extracting(SAMLProviderListEntry::arn).contains(arn);

        String updated = samlMetadata("https://idp.example.com/saml2", null, CERT, null);
        assertThat(iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(updated)).samlProviderArn()).isEqualTo(arn);
        assertThat(iam.getSAMLProvider(r -> r.samlProviderArn(arn)).samlMetadataDocument()).isEqualTo(updated);

        iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
        iamError("NoSuchEntity", 404, () -> iam.getSAMLProvider(r -> r.samlProviderArn(arn)));
        iamError("NoSuchEntity", 404, () -> iam.deleteSAMLProvider(r -> r.samlProviderArn(arn)));
        iamError("NoSuchEntity", 404, () -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(updated)));
    }

    @Test
    void duplicateAndBadlyNamedProvidersAreRejected() {
        String metadata = samlMetadata("https://idp.example.com/saml", "signing", CERT, null);
        create("Twice", metadata);
        iamError("EntityAlreadyExists", 409, () -> create("Twice", metadata));
        iamError("InvalidInput", 400, () -> create("bad name", metadata));
        iamError("InvalidInput", 400, () -> create("x".repeat(129), metadata));
        iamError("InvalidInput", 400, () -> create("a+b", metadata));
    }

    @Test
    void metadataWithoutAUsableSigningCertificateIsRejected() {
        String pad = "<!--" + "p".repeat(2000) + "-->";
        assertThat(iamError("InvalidInput", 400, () -> create("EncryptionOnly", samlMetadata("https://idp", "encryption", CERT, null)))
                .awsErrorDetails().errorMessage()).contains("no IDPSSODescriptor signing certificate");
        assertThat(iamError("InvalidInput", 400, () -> create("GarbageCert", samlMetadata("https://idp", "signing", "QUJD" + pad, null)))
                .awsErrorDetails().errorMessage()).contains("not a valid X.509 certificate");
        iamError("InvalidInput", 400, () -> create("NoEntityId", samlMetadata("", "signing", CERT, null)));
        iamError("InvalidInput", 400, () -> create("Expired", samlMetadata("https://idp", "signing", CERT, "2001-01-01T00:00:00Z")));
        iamError("InvalidInput", 400, () -> create("NotXml", "not xml at all " + pad));
        iamError("InvalidInput", 400, () -> create("WrongRoot", "<Other entityID=\"x\">" + pad + "</Other>"));
        iamError("InvalidInput", 400, () -> create("TooShort", "<md:EntityDescriptor/>"));
        iamError("NoSuchEntity", 404, () -> iam.getSAMLProvider(r -> r.samlProviderArn("arn:aws:iam::123456789012:saml-provider/EncryptionOnly")));
        // The control: the same certificate under use="signing" is accepted.
        assertThat(create("SigningControl", samlMetadata("https://idp", "signing", CERT, null))).endsWith("SigningControl");
    }

    @Test
    void doctypesAndExternalEntitiesAreRejectedWithoutAnyFetch() throws Exception {
        String base = "http://127.0.0.1:" + attacker.getAddress().getPort();
        // The control: the attacker server does count a request that really reaches it.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/control")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(fetches.getAndSet(0)).isEqualTo(1);

        String generalEntity = "<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \"" + base + "/general\">]>";
        String externalDtd = "<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor SYSTEM \"" + base + "/dtd\">";
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor [<!ENTITY % p SYSTEM \"" + base + "/param\"> %p;]>";
        String internalOnly = "<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor [<!ENTITY a \"aaaaaaaaaa\">]>";
        assertThat(iamError("InvalidInput", 400, () -> create("Xxe1", samlMetadata(generalEntity, "https://idp", "signing", "&xxe;" + CERT, null)))
                .awsErrorDetails().errorMessage()).contains("without a DOCTYPE");
        assertThat(iamError("InvalidInput", 400, () -> create("Xxe2", samlMetadata(externalDtd, "https://idp", "signing", CERT, null)))
                .awsErrorDetails().errorMessage()).contains("without a DOCTYPE");
        assertThat(iamError("InvalidInput", 400, () -> create("Xxe3", samlMetadata(parameterEntity, "https://idp", "signing", CERT, null)))
                .awsErrorDetails().errorMessage()).contains("without a DOCTYPE");
        assertThat(iamError("InvalidInput", 400, () -> create("Xxe4", samlMetadata(internalOnly, "https://idp", "signing", "&a;" + CERT, null)))
                .awsErrorDetails().errorMessage()).contains("without a DOCTYPE");
        assertThat(fetches.get()).isZero();
        iamError("NoSuchEntity", 404, () -> iam.getSAMLProvider(r -> r.samlProviderArn("arn:aws:iam::123456789012:saml-provider/Xxe1")));
    }
}
