package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.BrowserExtension;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.GetWebExperienceResponse;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.WebExperienceSamplePromptsControlMode;
import software.amazon.awssdk.services.qbusiness.model.WebExperienceStatus;

/** CreateWebExperience … DeleteWebExperience through the AWS SDK. */
class WebExperiencesAreaSdkTest {
    @TempDir
    static Path dataDir;
    static ControlPlane cp;

    @BeforeAll
    static void start() {
        cp = ControlPlane.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    private static String samlApp() {
        String provider = cp.samlProvider();
        return cp.qb.createApplication(r -> r.displayName("web").identityType(IdentityType.AWS_IAM_IDP_SAML)
                .iamIdentityProviderArn(provider)).applicationId();
    }

    @Test
    void pendingUntilAnIdentityProviderIsConfiguredThenActive() {
        String app = samlApp();
        var created = cp.qb.createWebExperience(r -> r.applicationId(app).title("Ask HR").subtitle("Policies")
                .welcomeMessage("Hi").samplePromptsControlMode(WebExperienceSamplePromptsControlMode.ENABLED)
                .origins("https://intranet.example.com").roleArn("arn:aws:iam::123456789012:role/web")
                .browserExtensionConfiguration(b -> b.enabledBrowserExtensions(BrowserExtension.CHROME))
                .customizationConfiguration(c -> c.logoUrl("https://cdn.example.com/logo.png")));
        String appArn = cp.qb.getApplication(r -> r.applicationId(app)).applicationArn();
        assertThat(created.webExperienceArn()).isEqualTo(appArn + "/web-experience/" + created.webExperienceId());

        GetWebExperienceResponse got = get(app, created.webExperienceId());
        assertThat(got.status()).isEqualTo(WebExperienceStatus.PENDING_AUTH_CONFIG);
        assertThat(got.defaultEndpoint()).isEqualTo(cp.quire.endpoint() + "/web/" + created.webExperienceId() + "/");
        assertThat(got.title()).isEqualTo("Ask HR");
        assertThat(got.subtitle()).isEqualTo("Policies");
        assertThat(got.welcomeMessage()).isEqualTo("Hi");
        assertThat(got.samplePromptsControlMode()).isEqualTo(WebExperienceSamplePromptsControlMode.ENABLED);
        assertThat(got.origins()).containsExactly("https://intranet.example.com");
        assertThat(got.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/web");
        assertThat(got.browserExtensionConfiguration().enabledBrowserExtensions()).containsExactly(BrowserExtension.CHROME);
        assertThat(got.customizationConfiguration().logoUrl()).isEqualTo("https://cdn.example.com/logo.png");

        cp.qb.updateWebExperience(r -> r.applicationId(app).webExperienceId(created.webExperienceId())
                .identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                        .authenticationUrl("https://idp.example.com/saml/sso"))).title("Ask People"));
        GetWebExperienceResponse after = get(app, created.webExperienceId());
        assertThat(after.status()).isEqualTo(WebExperienceStatus.ACTIVE);
        assertThat(after.identityProviderConfiguration().samlConfiguration().authenticationUrl())
                .isEqualTo("https://idp.example.com/saml/sso");
        assertThat(after.title()).isEqualTo("Ask People");
        assertThat(after.subtitle()).isEqualTo("Policies");
    }

    @Test
    void anonymousApplicationsNeedNoIdentityProviderAndOidcConfigurationIsKept() {
        String anon = cp.anonymousApp("anon-web");
        String id = cp.qb.createWebExperience(r -> r.applicationId(anon)).webExperienceId();
        assertThat(get(anon, id).status()).isEqualTo(WebExperienceStatus.ACTIVE);

        String app = samlApp();
        String oidc = cp.qb.createWebExperience(r -> r.applicationId(app).identityProviderConfiguration(i -> i
                .openIDConnectConfiguration(o -> o.secretsArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:s")
                        .secretsRole("arn:aws:iam::123456789012:role/s")))).webExperienceId();
        GetWebExperienceResponse got = get(app, oidc);
        assertThat(got.status()).isEqualTo(WebExperienceStatus.ACTIVE);
        assertThat(got.identityProviderConfiguration().openIDConnectConfiguration().secretsRole())
                .isEqualTo("arn:aws:iam::123456789012:role/s");
    }

    @Test
    void invalidMembersAreNamed() {
        String app = cp.anonymousApp("web-invalid");
        assertInvalid("origins", () -> cp.qb.createWebExperience(r -> r.applicationId(app)
                .origins("javascript:alert(1)")));
        assertInvalid("origins", () -> cp.qb.createWebExperience(r -> r.applicationId(app)
                .origins("https://a.example.com/path")));
        assertInvalid("welcomeMessage", () -> cp.qb.createWebExperience(r -> r.applicationId(app)
                .welcomeMessage("w".repeat(301))));
        assertInvalid("identityProviderConfiguration.openIDConnectConfiguration.secretsRole", () -> cp.qb
                .createWebExperience(r -> r.applicationId(app).identityProviderConfiguration(i -> i
                        .openIDConnectConfiguration(o -> o.secretsArn("arn:s")))));
        assertInvalid("samplePromptsControlMode", () -> cp.qb.createWebExperience(r -> r.applicationId(app)
                .samplePromptsControlMode("SOMETIMES")));
    }

    @Test
    void listIdempotencyNotFoundAndDelete() {
        String app = cp.anonymousApp("web-crud");
        String token = UUID.randomUUID().toString();
        String id = cp.qb.createWebExperience(r -> r.applicationId(app).title("t").clientToken(token))
                .webExperienceId();
        assertThat(cp.qb.createWebExperience(r -> r.applicationId(app).title("t").clientToken(token))
                .webExperienceId()).isEqualTo(id);
        assertFails(ConflictException.class, 409, () -> cp.qb.createWebExperience(r -> r.applicationId(app)
                .title("different").clientToken(token)));
        cp.qb.createWebExperience(r -> r.applicationId(app));

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            String t = next;
            var page = cp.qb.listWebExperiences(r -> r.applicationId(app).maxResults(1).nextToken(t));
            page.webExperiences().forEach(w -> {
                assertThat(w.defaultEndpoint()).endsWith("/web/" + w.webExperienceId() + "/");
                seen.add(w.webExperienceId());
            });
            next = page.nextToken();
        } while (next != null);
        assertThat(seen).hasSize(2).contains(id);

        cp.qb.deleteWebExperience(r -> r.applicationId(app).webExperienceId(id));
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404, () -> get(app, id));
        assertThat(e.resourceType()).isEqualTo("WEB_EXPERIENCE");
    }

    private static GetWebExperienceResponse get(String app, String id) {
        return cp.qb.getWebExperience(r -> r.applicationId(app).webExperienceId(id));
    }
}
