package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.principals.PrincipalResolver;
import dev.quire.core.qbusiness.principals.ResolvedPrincipals;
import dev.quire.core.qbusiness.subscriptions.AutoSubscription;
import dev.quire.core.qbusiness.subscriptions.Subscription;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.qbusiness.subscriptions.SubscriptionType;
import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.GroupSummary;
import software.amazon.awssdk.services.qbusiness.model.MemberGroup;
import software.amazon.awssdk.services.qbusiness.model.MemberUser;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionPrincipal;
import software.amazon.awssdk.services.qbusiness.model.UserAlias;

/** The user store's key flows against PostgreSQL: users, nested groups, resolution, subscriptions. */
class UsersGroupsSubscriptionsPostgresTest {
    @TempDir
    static Path dataDir;
    static UserStoreQuire q;
    static QBusinessClient qb;

    @BeforeAll
    static void start() {
        PostgresTestServer.Database db = PostgresTestServer.newDatabase();
        q = UserStoreQuire.start(dataDir, db.jdbcUrl(), db.user(), db.password());
        qb = q.qb;
    }

    @AfterAll
    static void stop() {
        q.close();
    }

    @Test
    void usersNestedGroupsAndResolution() {
        String app = q.application();
        String index = q.index(app);
        String ds = q.dataSource(app, index);
        qb.createUser(r -> r.applicationId(app).userId("Mary@Example.com")
                .userAliases(UserAlias.builder().dataSourceId(ds).userId("mmajor").build()));
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("mary@example.com")))
                .isInstanceOf(ConflictException.class);
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("core-team").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberUsers(MemberUser.builder().userId("mary@example.com").type(MembershipType.INDEX).build())));
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("company").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberGroups(MemberGroup.builder().groupName("core-team").build())));
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("wiki-eng").type(MembershipType.DATASOURCE)
                .dataSourceId(ds).groupMembers(m -> m.memberUsers(MemberUser.builder().userId("MMAJOR").build())));

        ResolvedPrincipals mary = new PrincipalResolver(q.store).resolve(app, index, "MARY@example.com");
        assertThat(mary.indexGroupNames()).containsExactlyInAnyOrder("core-team", "company");
        assertThat(mary.dataSourceGroupNames(ds)).containsExactly("wiki-eng");
        assertThat(mary.why("company", null).orElseThrow().explain()).isEqualTo("mary@example.com → core-team → company");

        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = qb.listGroups(r -> r.applicationId(app).indexId(index).maxResults(1).nextToken(t)
                    .updatedEarlierThan(Instant.now().plusSeconds(60)));
            page.items().stream().map(GroupSummary::groupName).forEach(names::add);
            token = page.nextToken();
        } while (token != null);
        assertThat(names).containsExactlyInAnyOrder("core-team", "company");

        qb.deleteGroup(r -> r.applicationId(app).indexId(index).groupName("core-team"));
        assertThat(new PrincipalResolver(q.store).resolve(app, index, "mary@example.com").indexGroupNames()).isEmpty();
    }

    @Test
    void subscriptionsAndARaceOfFirstChats() throws Exception {
        String app = q.application();
        q.index(app);
        var created = qb.createSubscription(r -> r.applicationId(app).type("Q_LITE")
                .principal(SubscriptionPrincipal.fromUser("a@example.com")));
        assertThat(qb.listSubscriptions(r -> r.applicationId(app)).subscriptions()).singleElement()
                .satisfies(s -> assertThat(s.subscriptionId()).isEqualTo(created.subscriptionId()));

        SubscriptionService service = new SubscriptionService(q.store, Clock.systemUTC(), "123456789012");
        AutoSubscription auto = new AutoSubscription(true, SubscriptionType.Q_BUSINESS);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Subscription>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> service.requireSubscribed(app, "us-east-1", "first@example.com", auto)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Subscription> c : calls) {
            ids.add(c.get().subscriptionId());
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(qb.listSubscriptions(r -> r.applicationId(app)).subscriptions()).hasSize(2);
    }
}
