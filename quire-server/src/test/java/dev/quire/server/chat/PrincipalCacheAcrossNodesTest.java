package dev.quire.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.devidp.DevIdp;
import dev.quire.server.support.RunningQuire;
import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.AccessDeniedException;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.MemberUser;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionPrincipal;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Two Quire nodes on one PostgreSQL database, each with its own principal cache: a PutGroup
 * through node A is seen by the very next call on node B — by CheckDocumentAccess (document ACL
 * against mary's groups) and by ChatSync (mary may chat only through her group's subscription).
 */
class PrincipalCacheAcrossNodesTest {
    static final String CLIENT = "quire-cache-test";
    static final String MARY = "mary.major@example.com";
    static final String ROLE = "chat-users";

    @TempDir
    Path nodeADir;
    @TempDir
    Path nodeBDir;

    @Test
    void aPutGroupThroughNodeAIsSeenByTheNextCallOnNodeB() throws Exception {
        PostgresTestServer.Database db = PostgresTestServer.newDatabase();
        try (DevIdp idp = DevIdp.builder().user("mary", "mary-password", MARY, "Mary Major")
                .oidcClient(CLIENT, "cache-secret", "http://127.0.0.1/*").build().start();
             RunningQuire nodeA = RunningQuire.start(nodeADir, db.jdbcUrl(), db.user(), db.password(), Optional.empty());
             RunningQuire nodeB = RunningQuire.start(nodeBDir, db.jdbcUrl(), db.user(), db.password(), Optional.empty());
             QBusinessClient adminA = nodeA.qbusiness(nodeA.rootCredentials());
             QBusinessClient adminB = nodeB.qbusiness(nodeB.rootCredentials())) {
            String app;
            try (IamClient iam = nodeA.iam(nodeA.rootCredentials())) {
                String provider = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(CLIENT))
                        .openIDConnectProviderArn();
                // No auto-subscription: mary may chat only through core-team's subscription.
                app = adminA.createApplication(r -> r.displayName("cache").identityType("AWS_IAM_IDP_OIDC")
                        .iamIdentityProviderArn(provider).clientIdsForOIDC(CLIENT)).applicationId();
                iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(trust(provider, idp.issuer())));
                String permissions = ChatScene.seedPolicy(app);
                iam.putRolePolicy(r -> r.roleName(ROLE).policyName("chat").policyDocument(permissions));
            }
            String index = adminA.createIndex(r -> r.applicationId(app).displayName("cache")).indexId();
            adminA.createRetriever(r -> r.applicationId(app).displayName("native").type("NATIVE_INDEX")
                    .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
            putCoreTeam(adminA, app, index, MARY);
            adminA.createSubscription(r -> r.applicationId(app).principal(SubscriptionPrincipal.fromGroup("core-team"))
                    .type(SubscriptionType.Q_BUSINESS));
            adminA.batchPutDocument(r -> r.applicationId(app).indexId(index).documents(d -> d.id("acme-team")
                    .title("ACME project team").contentType(ContentType.PLAIN_TEXT)
                    .content(c -> c.blob(SdkBytes.fromString("ACME project team members are Mary Major and John Doe.",
                            StandardCharsets.UTF_8)))
                    .accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromGroup(g -> g
                            .name("core-team").access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX)))))));

            try (QBusinessClient maryOnB = nodeB.qbusiness(session(nodeB, idp.idTokenFor("mary", CLIENT)))) {
                assertThat(maryMayRead(adminB, app, index)).isTrue(); // node B resolves and caches mary
                assertThat(chat(maryOnB, app)).isNotBlank();

                putCoreTeam(adminA, app, index); // through node A: mary leaves core-team

                assertThat(maryMayRead(adminB, app, index)).as("node B after node A's PutGroup").isFalse();
                assertThatThrownBy(() -> chat(maryOnB, app)).isInstanceOf(AccessDeniedException.class);

                putCoreTeam(adminA, app, index, MARY); // and comes back

                assertThat(maryMayRead(adminB, app, index)).isTrue();
                assertThat(chat(maryOnB, app)).isNotBlank();
            }
        }
    }

    private static void putCoreTeam(QBusinessClient qb, String app, String index, String... members) {
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("core-team").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberUsers(java.util.Arrays.stream(members)
                        .map(u -> MemberUser.builder().userId(u).type(MembershipType.INDEX).build()).toList())));
    }

    private static boolean maryMayRead(QBusinessClient admin, String app, String index) {
        return admin.checkDocumentAccess(r -> r.applicationId(app).indexId(index).userId(MARY)
                .documentId("acme-team")).hasAccess();
    }

    private static String chat(QBusinessClient qb, String app) {
        return qb.chatSync(r -> r.applicationId(app).userMessage("who are the ACME project team members?"))
                .systemMessage();
    }

    /** OIDC web identity with the aud condition, and the Email session tag, as the seed's trust policy. */
    private static String trust(String provider, String issuer) {
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%2$s:aud":"%3$s"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(provider, issuer.replaceFirst("^https?://", ""), CLIENT);
    }

    private static AwsCredentialsProvider session(RunningQuire node, String idToken) {
        try (StsClient sts = node.sts(AnonymousCredentialsProvider.create())) {
            Credentials c = sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::123456789012:role/" + ROLE)
                    .roleSessionName("mary-chat").webIdentityToken(idToken)).credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }
}
