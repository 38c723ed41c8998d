package dev.quire.server;

import static dev.quire.server.IamFixtures.iamError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/** OpenID Connect providers through the AWS SDK for Java v2. */
class IamOidcProviderTest {
    static final String THUMB = "0123456789abcdef0123456789abcdef01234567";
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static IamClient iam;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
        iam = quire.iam(quire.rootCredentials());
    }

    @AfterAll
    static void stop() {
        iam.close();
        quire.close();
    }

    private static String create(String url) {
        return iam.createOpenIDConnectProvider(r -> r.url(url)).openIDConnectProviderArn();
    }

    @Test
    void anHttpsProviderIsCreatedReadAndListed() {
        var created = iam.createOpenIDConnectProvider(r -> r.url("https://idp.example.com/tenant/")
                .clientIDList("client-1", "client-2").thumbprintList(THUMB)
                .tags(Tag.builder().key("k").value("v").build()));
        String arn = created.openIDConnectProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::123456789012:oidc-provider/idp.example.com/tenant");
        assertThat(created.tags()).containsExactly(Tag.builder().key("k").value("v").build());

        GetOpenIdConnectProviderResponse got = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(got.url()).isEqualTo("idp.example.com/tenant");
        assertThat(got.clientIDList()).containsExactly("client-1", "client-2");
        assertThat(got.thumbprintList()).containsExactly(THUMB);
        assertThat(got.createDate()).isNotNull();
        assertThat(got.tags()).hasSize(1);
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn).contains(arn);
    }

    @Test
    void plainHttpIsAcceptedOnlyForLoopbackHosts() {
        assertThat(create("http://127.0.0.1:8443/realms/quire"))
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/127.0.0.1:8443/realms/quire");
        assertThat(create("http://127.8.9.10")).endsWith(":oidc-provider/127.8.9.10");
        assertThat(create("http://localhost:9000")).endsWith(":oidc-provider/localhost:9000");
        String v6 = create("http://[::1]:9001/idp");
        assertThat(v6).endsWith(":oidc-provider/[::1]:9001/idp");
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(v6)).url()).isEqualTo("http://[::1]:9001/idp");
        for (String remote : List.of("http://idp.example.com", "http://127.0.0.1.nip.io", "http://128.0.0.1",
                "http://10.0.0.1", "http://[::2]", "http://127.0.0.256", "http://localhost.example.com",
                "ftp://idp.example.com", "idp.example.com", "https://user@idp.example.com", "https://idp.example.com?x=1",
                "https://idp.example.com/#frag", "https://" + "a".repeat(250) + ".com")) {
            iamError("InvalidInput", 400, () -> create(remote));
        }
    }

    @Test
    void theSameIssuerCannotBeRegisteredTwice() {
        create("https://dup.example.com");
        var e = iamError("EntityAlreadyExists", 409, () -> create("https://dup.example.com"));
        assertThat(e.awsErrorDetails().errorMessage()).contains("dup.example.com");
        iamError("EntityAlreadyExists", 409, () -> create("https://dup.example.com/"));
    }

    @Test
    void clientIdsAreAddedAndRemovedIdempotently() {
        String arn = create("https://clients.example.com");
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList()).containsExactly("a", "b");
        iam.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        iam.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("never-added"));
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList()).containsExactly("b");
        iamError("InvalidInput", 400, () -> iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("x".repeat(256))));
        iamError("NoSuchEntity", 404, () -> iam.addClientIDToOpenIDConnectProvider(r -> r
                .openIDConnectProviderArn("arn:aws:iam::123456789012:oidc-provider/ghost.example.com").clientID("a")));
    }

    @Test
    void deletedOrUnknownProvidersAreNoSuchEntity() {
        String arn = create("https://gone.example.com");
        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        var e = iamError("NoSuchEntity", 404, () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("OpenIDConnect Provider not found for arn " + arn);
        iamError("NoSuchEntity", 404, () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
        iamError("NoSuchEntity", 404, () -> iam.getOpenIDConnectProvider(r -> r
                .openIDConnectProviderArn("arn:aws:iam::999999999999:oidc-provider/gone.example.com")));
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn).doesNotContain(arn);
    }

    @Test
    void thumbprintsMustBeFortyHexCharactersAndAtMostFive() {
        iamError("InvalidInput", 400, () -> iam.createOpenIDConnectProvider(r -> r.url("https://t.example.com").thumbprintList("abc")));
        iamError("InvalidInput", 400, () -> iam.createOpenIDConnectProvider(r -> r.url("https://t.example.com")
                .thumbprintList(THUMB, THUMB, THUMB, THUMB, THUMB, THUMB)));
        iamError("InvalidInput", 400, () -> iam.createOpenIDConnectProvider(r -> r.url("https://t.example.com")
                .tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("A").value("2").build())));
        assertThat(create("https://t.example.com")).endsWith("t.example.com");
    }
}
