package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.principals.PrincipalResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.GetGroupResponse;
import software.amazon.awssdk.services.qbusiness.model.GroupStatus;
import software.amazon.awssdk.services.qbusiness.model.GroupSummary;
import software.amazon.awssdk.services.qbusiness.model.ListGroupsResponse;
import software.amazon.awssdk.services.qbusiness.model.MemberUser;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** PutGroup / GetGroup / ListGroups / DeleteGroup through the AWS SDK for Java v2. */
class GroupsSdkTest {
    @TempDir
    static Path dataDir;
    static UserStoreQuire q;
    static QBusinessClient qb;
    static String app;
    static String index;
    static String ds;

    @BeforeAll
    static void start() {
        q = UserStoreQuire.h2(dataDir);
        qb = q.qb;
        app = q.application();
        index = q.index(app);
        ds = q.dataSource(app, index);
    }

    @AfterAll
    static void stop() {
        q.close();
    }

    /**
     * The seed's {@code aws qbusiness put-group --group-name core-team --type INDEX --group-members
     * "memberUsers=[{userId=a@example.com,type=INDEX},{userId=b@example.com,type=INDEX},{userId=c@example.com,type=INDEX}]"}.
     */
    @Test
    void theSeedPutGroupExampleWorks() {
        Instant before = Instant.now().minusSeconds(1);
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("core-team").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberUsers(
                        MemberUser.builder().userId("a@example.com").type(MembershipType.INDEX).build(),
                        MemberUser.builder().userId("b@example.com").type(MembershipType.INDEX).build(),
                        MemberUser.builder().userId("c@example.com").type(MembershipType.INDEX).build())));

        GetGroupResponse got = qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("core-team"));
        assertThat(got.status().status()).isEqualTo(GroupStatus.SUCCEEDED);
        assertThat(got.status().lastUpdatedAt()).isAfter(before);
        assertThat(got.statusHistory()).hasSize(1);
        assertThat(new PrincipalResolver(q.store).resolve(app, index, "B@example.com").indexGroupNames())
                .containsExactly("core-team");

        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("core-team").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberUsers(MemberUser.builder().userId("d@example.com").build())));
        assertThat(qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("core-team")).statusHistory())
                .hasSize(2);
        assertThat(new PrincipalResolver(q.store).resolve(app, index, "b@example.com").indexGroupNames()).isEmpty();
    }

    @Test
    void listGroupsPagesAndFiltersByTimeAndDataSource() {
        String idx = q.index(app);
        String local = q.dataSource(app, idx);
        for (int i = 0; i < 7; i++) {
            String name = "team " + i + "/x";
            qb.putGroup(r -> r.applicationId(app).indexId(idx).groupName(name).type(MembershipType.INDEX)
                    .groupMembers(m -> m.memberUsers(MemberUser.builder().userId("u@example.com").build())));
        }
        qb.putGroup(r -> r.applicationId(app).indexId(idx).groupName("confluence-eng").type(MembershipType.DATASOURCE)
                .dataSourceId(local).groupMembers(m -> m.memberUsers(MemberUser.builder().userId("jdoe").build())));
        Instant later = Instant.now().plusSeconds(60);

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListGroupsResponse page = qb.listGroups(r -> r.applicationId(app).indexId(idx).updatedEarlierThan(later)
                    .maxResults(3).nextToken(t));
            assertThat(page.items().size()).isLessThanOrEqualTo(3);
            page.items().stream().map(GroupSummary::groupName).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(names).hasSize(7).allMatch(n -> n.startsWith("team ")).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);

        assertThat(qb.listGroups(r -> r.applicationId(app).indexId(idx).updatedEarlierThan(later).dataSourceId(local))
                .items()).extracting(GroupSummary::groupName).containsExactly("confluence-eng");
        assertThat(qb.listGroups(r -> r.applicationId(app).indexId(idx)
                .updatedEarlierThan(Instant.now().minusSeconds(3600))).items()).isEmpty();
        assertThat(qb.getGroup(r -> r.applicationId(app).indexId(idx).groupName("team 3/x")).status().status())
                .isEqualTo(GroupStatus.SUCCEEDED);
        assertThatThrownBy(() -> qb.listGroups(r -> r.applicationId(app).indexId(idx)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("updatedEarlierThan"));
        assertThatThrownBy(() -> qb.listGroups(r -> r.applicationId(app).indexId(idx).updatedEarlierThan(later)
                .maxResults(11))).isInstanceOf(ValidationException.class);
    }

    @Test
    void dataSourceGroupsAreAddressedWithTheirDataSource() {
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("sales").type(MembershipType.DATASOURCE)
                .dataSourceId(ds).groupMembers(m -> m.memberUsers(MemberUser.builder().userId("s1").build())));

        assertThat(qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("sales").dataSourceId(ds))
                .status().status()).isEqualTo(GroupStatus.SUCCEEDED);
        assertThatThrownBy(() -> qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("sales")))
                .isInstanceOf(ResourceNotFoundException.class);

        qb.deleteGroup(r -> r.applicationId(app).indexId(index).groupName("sales").dataSourceId(ds));
        assertThatThrownBy(() -> qb.getGroup(r -> r.applicationId(app).indexId(index).groupName("sales").dataSourceId(ds)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("GROUP"));
        assertThatThrownBy(() -> qb.deleteGroup(r -> r.applicationId(app).indexId(index).groupName("sales")
                .dataSourceId(ds))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invalidPutGroupsAreRefusedNamingTheMember() {
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("s3")
                .type(MembershipType.INDEX).groupMembers(m -> m.s3PathForGroupMembers(s -> s.bucket("b").key("k")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields().get(0).name())
                        .isEqualTo("groupMembers.s3PathForGroupMembers"));
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("noDs")
                .type(MembershipType.DATASOURCE).groupMembers(m -> m.memberUsers(List.of()))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("dataSourceId"));
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("")
                .type(MembershipType.INDEX).groupMembers(m -> m.memberUsers(List.of()))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("groupName"));
        List<MemberUser> tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> MemberUser.builder().userId("u" + i + "@example.com").build()).toList();
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("huge")
                .type(MembershipType.INDEX).groupMembers(m -> m.memberUsers(tooMany))))
                .isInstanceOf(ValidationException.class);
        List<MemberUser> thousand = tooMany.subList(0, 1000);
        qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("huge").type(MembershipType.INDEX)
                .groupMembers(m -> m.memberUsers(thousand)));
        assertThat(new PrincipalResolver(q.store).resolve(app, index, "u999@example.com").indexGroupNames())
                .contains("huge");
    }

    @Test
    void unknownApplicationIndexAndDataSourceAreNotFound() {
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(missing).groupName("g")
                .type(MembershipType.INDEX).groupMembers(m -> m.memberUsers(List.of()))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("INDEX"));
        assertThatThrownBy(() -> qb.listGroups(r -> r.applicationId(missing).indexId(index)
                .updatedEarlierThan(Instant.now())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("APPLICATION"));
        assertThatThrownBy(() -> qb.putGroup(r -> r.applicationId(app).indexId(index).groupName("g")
                .type(MembershipType.DATASOURCE).dataSourceId(missing).groupMembers(m -> m.memberUsers(List.of()))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("DATA_SOURCE"));
    }
}
