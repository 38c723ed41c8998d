package dev.quire.core.qbusiness.principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.UserStoreFixture;
import dev.quire.core.qbusiness.groups.GroupKey;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.core.qbusiness.users.UserAlias;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrincipalResolverTest {
    static final MembershipType INDEX = MembershipType.INDEX;
    static final MembershipType DATASOURCE = MembershipType.DATASOURCE;

    final UserStoreFixture f = new UserStoreFixture();
    final Groups groups = new Groups(f.store, Clock.systemUTC());
    final Users users = new Users(f.store, Clock.systemUTC());
    final PrincipalResolver resolver = new PrincipalResolver(f.store);

    @AfterEach
    void close() {
        f.close();
    }

    void indexGroup(String name, List<String> userIds, List<String> subGroups) {
        groups.put(f.app, f.index, new PutGroupRequest(name, INDEX, null,
                userIds.stream().map(u -> new MemberUser(u, INDEX)).toList(),
                subGroups.stream().map(g -> new MemberGroup(g, INDEX)).toList()));
    }

    ResolvedPrincipals resolve(String email) {
        return resolver.resolve(f.app, f.index, email);
    }

    @Test
    void nestedGroupsPutTheUserInEveryEnclosingGroupWithThePath() {
        indexGroup("B", List.of("mary@example.com"), List.of());
        indexGroup("A", List.of(), List.of("B"));
        indexGroup("unrelated", List.of("bob@example.com"), List.of());

        ResolvedPrincipals mary = resolve("mary@example.com");

        assertThat(mary.indexGroupNames()).containsExactlyInAnyOrder("A", "B");
        ReachedGroup a = mary.why("A", null).orElseThrow();
        assertThat(a.path()).containsExactly(new GroupKey(f.index, null, "B"), new GroupKey(f.index, null, "A"));
        assertThat(a.viaUserId()).isEqualTo("mary@example.com");
        assertThat(a.explain()).isEqualTo("mary@example.com → B → A");
    }

    @Test
    void cyclesTerminateAndStillReachEveryGroupOnce() {
        indexGroup("A", List.of("mary@example.com"), List.of("B"));
        indexGroup("B", List.of(), List.of("A", "B"));

        assertThat(resolve("mary@example.com").indexGroupNames()).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void emailsCompareCaseInsensitively() {
        users.create(f.app, "Mary@Example.com", List.of(new UserAlias(null, f.ds1, "MMajor")), null);
        indexGroup("staff", List.of("MARY@example.COM"), List.of());
        groups.put(f.app, f.index, new PutGroupRequest("local", DATASOURCE, f.ds1,
                List.of(new MemberUser("mmajor", DATASOURCE)), List.of()));

        ResolvedPrincipals mary = resolve("mary@EXAMPLE.com");

        assertThat(mary.userId()).isEqualTo("mary@example.com");
        assertThat(mary.inUserStore()).isTrue();
        assertThat(mary.indexGroupNames()).containsExactly("staff");
        assertThat(mary.dataSourceGroupNames(f.ds1)).containsExactly("local");
        assertThat(mary.userIdsFor(f.ds1)).containsExactlyInAnyOrder("mary@example.com", "mmajor");
    }

    @Test
    void dataSourceGroupsCountOnlyForTheirDataSource() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), null);
        groups.put(f.app, f.index, new PutGroupRequest("eng", DATASOURCE, f.ds1,
                List.of(new MemberUser("mary@example.com", INDEX)), List.of()));
        groups.put(f.app, f.index, new PutGroupRequest("ds1-local", DATASOURCE, f.ds1,
                List.of(new MemberUser("mmajor", DATASOURCE)), List.of()));
        // the same local id in another data source, or as a global id, is somebody else
        groups.put(f.app, f.index, new PutGroupRequest("ds2-local", DATASOURCE, f.ds2,
                List.of(new MemberUser("mmajor", DATASOURCE)), List.of()));
        indexGroup("global-mmajor", List.of("mmajor"), List.of());

        ResolvedPrincipals mary = resolve("mary@example.com");

        assertThat(mary.indexGroupNames()).isEmpty();
        assertThat(mary.dataSourceGroupNames(f.ds1)).containsExactlyInAnyOrder("eng", "ds1-local");
        assertThat(mary.dataSourceGroupNames(f.ds2)).isEmpty();
        assertThat(mary.groupsFor(f.ds2)).isEmpty();
        assertThat(mary.groupsFor(null)).isEmpty();
        assertThat(mary.userIdsFor(f.ds2)).containsExactly("mary@example.com");
    }

    @Test
    void anIndexGroupNestedInADataSourceGroupCountsThereButNotTheOtherWayRound() {
        indexGroup("everyone", List.of("mary@example.com"), List.of());
        groups.put(f.app, f.index, new PutGroupRequest("confluence-readers", DATASOURCE, f.ds1,
                List.of(), List.of(new MemberGroup("everyone", INDEX))));

        ResolvedPrincipals mary = resolve("mary@example.com");
        assertThat(mary.indexGroupNames()).containsExactly("everyone");
        assertThat(mary.dataSourceGroupNames(f.ds1)).containsExactly("confluence-readers");

        assertThatThrownBy(() -> groups.put(f.app, f.index, new PutGroupRequest("all", INDEX, null,
                List.of(), List.of(new MemberGroup("confluence-readers", DATASOURCE)))))
                .isInstanceOf(ApiError.class).hasMessageContaining("DATASOURCE");
    }

    @Test
    void membershipNeverFlowsOutOfItsDataSource() {
        assertThat(PrincipalResolver.flows(new GroupKey("i", "ds1", "x"), new GroupKey("i", null, "y"))).isFalse();
        assertThat(PrincipalResolver.flows(new GroupKey("i", "ds1", "x"), new GroupKey("i", "ds2", "y"))).isFalse();
        assertThat(PrincipalResolver.flows(new GroupKey("i", "ds1", "x"), new GroupKey("i", "ds1", "y"))).isTrue();
        assertThat(PrincipalResolver.flows(new GroupKey("i", null, "x"), new GroupKey("i", "ds1", "y"))).isTrue();
    }

    @Test
    void aUserMissingFromTheUserStoreResolvesByTheIdInTheGroup() {
        indexGroup("core-team", List.of("c@example.com"), List.of());

        ResolvedPrincipals c = resolve("C@example.com");

        assertThat(c.inUserStore()).isFalse();
        assertThat(c.aliases()).isEmpty();
        assertThat(c.indexGroupNames()).containsExactly("core-team");
    }

    @Test
    void deletingAGroupRemovesItAndWhatItAloneLedTo() {
        indexGroup("B", List.of("mary@example.com"), List.of());
        indexGroup("A", List.of(), List.of("B"));

        groups.delete(f.app, f.index, "B", null);
        assertThat(resolve("mary@example.com").indexGroupNames()).isEmpty();

        indexGroup("B", List.of("mary@example.com"), List.of());
        assertThat(resolve("mary@example.com").indexGroupNames()).containsExactlyInAnyOrder("A", "B");
        groups.delete(f.app, f.index, "A", null);
        assertThat(resolve("mary@example.com").indexGroupNames()).containsExactly("B");
    }

    @Test
    void putGroupReplacesTheWholeMembership() {
        indexGroup("g", List.of("mary@example.com"), List.of());
        indexGroup("g", List.of("bob@example.com"), List.of());

        assertThat(resolve("mary@example.com").indexGroupNames()).isEmpty();
        assertThat(resolve("bob@example.com").indexGroupNames()).containsExactly("g");
    }

    @Test
    void aThousandMemberGroupResolvesAndOneMoreIsRefused() {
        List<String> members = IntStream.range(0, 1000).mapToObj(i -> "user" + i + "@example.com").toList();
        indexGroup("big", members, List.of());

        assertThat(resolve("user999@example.com").indexGroupNames()).containsExactly("big");
        assertThat(resolve("user1000@example.com").indexGroupNames()).isEmpty();

        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "u" + i + "@example.com").toList();
        assertThatThrownBy(() -> indexGroup("bigger", tooMany, List.of()))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void groupsOfAnotherIndexDoNotCount() {
        String other = f.addIndex(UUID.randomUUID().toString());
        groups.put(f.app, other, new PutGroupRequest("elsewhere", INDEX, null,
                List.of(new MemberUser("mary@example.com", INDEX)), List.of()));

        assertThat(resolve("mary@example.com").indexGroupNames()).isEmpty();
        assertThat(resolver.resolve(f.app, other, "mary@example.com").indexGroupNames()).containsExactly("elsewhere");
    }

    @Test
    void hierarchiesBeyondTheLimitsAreRefusedNotTruncated() {
        indexGroup("g0", List.of("mary@example.com"), List.of());
        for (int i = 1; i <= 4; i++) {
            indexGroup("g" + i, List.of(), List.of("g" + (i - 1)));
        }
        assertThat(new PrincipalResolver(f.store, 5, 100).resolve(f.app, f.index, "mary@example.com")
                .indexGroupNames()).hasSize(5);
        assertThatThrownBy(() -> new PrincipalResolver(f.store, 4, 100).resolve(f.app, f.index, "mary@example.com"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThatThrownBy(() -> new PrincipalResolver(f.store, 32, 4).resolve(f.app, f.index, "mary@example.com"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }
}
