package dev.quire.server.chat;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.Document;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The seed's end-user scene, provisioned through the AWS SDK as an administrator would: a Keycloak
 * OIDC provider and SAML provider, the web-experience role (the seed's trust and permission
 * policies, with this application's id), an OIDC application with auto-subscription, an index, a
 * native retriever, the core-team group and three spaces of documents — ACME (core-team), AnyOrgApp
 * (mateo) and a third space nobody of them may read, which answers the same question with other names.
 */
public final class ChatScene {
    public static final String ROLE = "quire-web-experience-role";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/" + ROLE;
    public static final String SAML_ACS = "http://localhost:8000/saml";
    public static final String QUESTION = "who are the project team members?";
    public static final List<String> ACME_NAMES = List.of("Mary Major", "Martha Rivera", "John Doe");
    public static final List<String> ANYORG_NAMES = List.of("Diego Ramirez", "Nikki Wolf");
    public static final List<String> SECRET_NAMES = List.of("Zhang Wei", "Olga Petrova", "Kwame Mensah");

    public final RunningQuire quire;
    public final KeycloakTestServer keycloak = KeycloakTestServer.shared();
    public final String oidcProviderArn;
    public final String samlProviderArn;
    public final String app;
    public final String index;

    public ChatScene(RunningQuire quire) throws IOException {
        this(quire, false);
    }

    /**
     * With {@code samlApplication} the application federates through the SAML provider
     * ({@code AWS_IAM_IDP_SAML}), as for a web experience with samlConfiguration; else through OIDC.
     */
    public ChatScene(RunningQuire quire, boolean samlApplication) throws IOException {
        this.quire = quire;
        try (QBusinessClient qb = quire.qbusiness(quire.rootCredentials());
             IamClient iam = quire.iam(quire.rootCredentials())) {
            oidcProviderArn = iam.createOpenIDConnectProvider(r -> r.url(keycloak.issuerUrl())
                    .clientIDList(keycloak.oidcClientId())).openIDConnectProviderArn();
            samlProviderArn = iam.createSAMLProvider(r -> r.name("quire-keycloak")
                    .samlMetadataDocument(keycloak.samlMetadataXml())).samlProviderArn();
            app = samlApplication
                    ? qb.createApplication(r -> r.displayName("acme-assistant").identityType("AWS_IAM_IDP_SAML")
                            .iamIdentityProviderArn(samlProviderArn)).applicationId()
                    : qb.createApplication(r -> r.displayName("acme-assistant").identityType("AWS_IAM_IDP_OIDC")
                            .iamIdentityProviderArn(oidcProviderArn).clientIdsForOIDC(keycloak.oidcClientId()))
                            .applicationId();
            qb.updateApplication(r -> r.applicationId(app).autoSubscriptionConfiguration(a -> a
                    .autoSubscribe("ENABLED").defaultSubscriptionType("Q_BUSINESS")));
            String permissions = seedPolicy(app);
            iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(trustPolicy()));
            iam.putRolePolicy(r -> r.roleName(ROLE).policyName("web-experience").policyDocument(permissions));
            index = qb.createIndex(r -> r.applicationId(app).displayName("acme-index")).indexId();
            qb.createRetriever(r -> r.applicationId(app).displayName("native").type("NATIVE_INDEX")
                    .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
            qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("core-team").type(MembershipType.INDEX)
                    .groupMembers(m -> m.memberUsers(u -> u.userId("mary.major@example.com").type(MembershipType.INDEX),
                            u -> u.userId("martha.rivera@example.com").type(MembershipType.INDEX),
                            u -> u.userId("john.doe@example.com").type(MembershipType.INDEX))));
            qb.batchPutDocument(r -> r.applicationId(app).indexId(index).documents(
                    doc("acme-team", "ACME project team", "ACME project team members are Mary Major, Martha Rivera and"
                            + " John Doe. The ACME project builds the new billing platform.", group("core-team")),
                    doc("acme-onboarding", "ACME onboarding checklist", "ACME onboarding checklist for the project"
                            + " team members: first, request access to the billing repository; then read the"
                            + " architecture notes; finally join the weekly ACME sync.", group("core-team")),
                    doc("anyorg-team", "AnyOrgApp project team", "AnyOrgApp project team members are Diego Ramirez"
                            + " and Nikki Wolf. The AnyOrgApp project runs the partner portal.",
                            user("mateo.jackson@example.com")),
                    doc("phoenix-team", "Phoenix project team", "Phoenix project team members are Zhang Wei, Olga"
                            + " Petrova and Kwame Mensah. The Phoenix project is confidential.",
                            user("someone.else@example.com"))));
            awaitIndexed(qb, 4);
        }
    }

    private static Document doc(String id, String title, String text, Principal principal) {
        return Document.builder().id(id).title(title).contentType(ContentType.PLAIN_TEXT)
                .content(c -> c.blob(SdkBytes.fromString(text, StandardCharsets.UTF_8)))
                .accessConfiguration(a -> a.accessControls(ac -> ac.principals(principal))).build();
    }

    private static Principal group(String name) {
        return Principal.fromGroup(g -> g.name(name).access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX));
    }

    private static Principal user(String id) {
        return Principal.fromUser(u -> u.id(id).access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX));
    }

    void awaitIndexed(QBusinessClient qb, int count) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            var docs = qb.listDocuments(r -> r.applicationId(app).indexId(index)).documentDetailList();
            long indexed = docs.stream().filter(d -> d.status() == DocumentStatus.INDEXED).count();
            if (indexed >= count) {
                return;
            }
            if (docs.stream().anyMatch(d -> d.status() == DocumentStatus.FAILED)) {
                throw new IllegalStateException("indexing failed: " + docs);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("documents not INDEXED within 3 minutes: " + docs);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The seed's web-experience permission policy with this application's id. */
    static String seedPolicy(String app) throws IOException {
        String seed = Files.readString(Path.of("../quire-identity/src/test/resources/dev/quire/identity/policy/seed/"
                + "web-experience-policy.json"));
        return seed.replace("6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", app);
    }

    /**
     * The seed's OIDC trust (aud condition, TagSession with an Email tag) and SAML trust in one role;
     * {@code moreSamlAudiences} are further allowed {@code SAML:aud} values, e.g. a web experience's
     * {@code <defaultEndpoint>saml}.
     */
    public String trustPolicy(String... moreSamlAudiences) {
        StringBuilder samlAud = new StringBuilder("\"https://us-east-1.signin.aws.amazon.com/saml\",\"" + SAML_ACS + "\"");
        for (String aud : moreSamlAudiences) {
            samlAud.append(",\"").append(aud).append('"');
        }
        String prefix = keycloak.issuerUrl().replaceFirst("^https?://", "");
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%3$s:aud":"%4$s"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:AssumeRoleWithSAML",
                  "Condition":{"StringEquals":{"SAML:aud":[%5$s]}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(oidcProviderArn, samlProviderArn, prefix, keycloak.oidcClientId(), samlAud);
    }

    /** Keycloak password grant → AssumeRoleWithWebIdentity (unsigned) → the user's session credentials. */
    AwsCredentialsProvider oidcSession(String username) {
        String idToken = keycloak.passwordGrant(username, KeycloakTestServer.PASSWORD).idToken();
        try (StsClient sts = anonymousSts()) {
            return session(sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE_ARN).roleSessionName(username + "-chat")
                    .webIdentityToken(idToken)).credentials());
        }
    }

    /** Keycloak SAML login → AssumeRoleWithSAML → session credentials. */
    AwsCredentialsProvider samlSession(String username) {
        String assertion = keycloak.samlLogin(username, KeycloakTestServer.PASSWORD, SAML_ACS);
        try (StsClient sts = anonymousSts()) {
            return session(sts.assumeRoleWithSAML(r -> r.roleArn(ROLE_ARN).principalArn(samlProviderArn)
                    .samlAssertion(assertion)).credentials());
        }
    }

    private StsClient anonymousSts() {
        return StsClient.builder().endpointOverride(quire.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(RunningQuire.noRetries()).build();
    }

    private static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
}
