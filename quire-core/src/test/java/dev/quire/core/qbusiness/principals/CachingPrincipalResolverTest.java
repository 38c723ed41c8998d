package dev.quire.core.qbusiness.principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.CountingStore;
import dev.quire.core.qbusiness.UserStoreFixture;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.core.qbusiness.index.Indices;
import dev.quire.core.qbusiness.users.UserAlias;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache serves a resolution only while nothing it was built from has changed. */
class CachingPrincipalResolverTest {
    static final MembershipType INDEX = MembershipType.INDEX;
    static final MembershipType DATASOURCE = MembershipType.DATASOURCE;

    final UserStoreFixture f = new UserStoreFixture();
    final CountingStore counting = new CountingStore(f.store);
    final CachingPrincipalResolver cache = new CachingPrincipalResolver(counting);
    final Groups groups = new Groups(f.store, Clock.systemUTC());
    final Users users = new Users(f.store, Clock.systemUTC());

    @AfterEach
    void close() {
        f.close();
    }

    void indexGroup(String name, List<String> userIds, List<String> subGroups) {
        groups.put(f.app, f.index, new PutGroupRequest(name, INDEX, null,
                userIds.stream().map(u -> new MemberUser(u, INDEX)).toList(),
                subGroups.stream().map(g -> new MemberGroup(g, INDEX)).toList()));
    }

    ResolvedPrincipals mary() {
        return cache.resolve(f.app, f.index, "mary@example.com");
    }

    @Test
    void aResolutionIsReusedWithoutRecordReadsWhileNothingChanges() {
        indexGroup("B", List.of("mary@example.com"), List.of());
        indexGroup("A", List.of(), List.of("B"));
        ResolvedPrincipals first = mary();
        assertThat(counting.takeRecordReads()).as("the first call resolves").isPositive();

        ResolvedPrincipals again = cache.resolve(f.app, f.index, "MARY@Example.COM");

        assertThat(again).isSameAs(first);
        assertThat(again.indexGroupNames()).containsExactlyInAnyOrder("A", "B");
        assertThat(counting.takeRecordReads()).as("a hit reads only the change counter").isZero();
    }

    @Test
    void putGroupRemovingTheUserIsSeenByTheNextCall() {
        indexGroup("staff", List.of("mary@example.com", "bob@example.com"), List.of());
        assertThat(mary().indexGroupNames()).containsExactly("staff");

        indexGroup("staff", List.of("bob@example.com"), List.of());

        assertThat(mary().indexGroupNames()).isEmpty();
    }

    @Test
    void nestedGroupEditIsSeenByTheNextCall() {
        indexGroup("B", List.of("mary@example.com"), List.of());
        indexGroup("A", List.of(), List.of("B"));
        assertThat(mary().indexGroupNames()).containsExactlyInAnyOrder("A", "B");

        indexGroup("A", List.of(), List.of());

        assertThat(mary().indexGroupNames()).containsExactly("B");
    }

    @Test
    void deleteGroupIsSeenByTheNextCall() {
        indexGroup("staff", List.of("mary@example.com"), List.of());
        assertThat(mary().indexGroupNames()).containsExactly("staff");

        groups.delete(f.app, f.index, "staff", null);

        assertThat(mary().indexGroupNames()).isEmpty();
    }

    @Test
    void deleteUserIsSeenByTheNextCall() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), null);
        dataSourceGroupOf("mmajor");
        assertThat(mary().dataSourceGroupNames(f.ds1)).containsExactly("wiki");

        users.delete(f.app, "mary@example.com");

        ResolvedPrincipals after = mary();
        assertThat(after.inUserStore()).isFalse();
        assertThat(after.dataSourceGroupNames(f.ds1)).isEmpty();
    }

    @Test
    void aliasChangesAreSeenByTheNextCall() {
        users.create(f.app, "mary@example.com", List.of(), null);
        dataSourceGroupOf("mmajor");
        assertThat(mary().dataSourceGroupNames(f.ds1)).isEmpty();

        users.update(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), List.of());
        assertThat(mary().dataSourceGroupNames(f.ds1)).containsExactly("wiki");

        users.update(f.app, "mary@example.com", List.of(), List.of(new UserAlias(null, f.ds1, "mmajor")));
        assertThat(mary().dataSourceGroupNames(f.ds1)).isEmpty();
    }

    @Test
    void aDeletedIndexFailsTheNextCallAsBefore() {
        indexGroup("staff", List.of("mary@example.com"), List.of());
        mary();

        new Indices(f.store).delete(f.app, f.index);

        assertThatThrownBy(this::mary).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    @Test
    void failuresAreNotCached() {
        String later = "index-made-later";
        assertThatThrownBy(() -> cache.resolve(f.app, later, "mary@example.com")).isInstanceOf(ApiError.class);
        f.addIndex(later); // a raw insert: no bump, so only an uncached failure lets this through
        assertThat(cache.resolve(f.app, later, "mary@example.com").userId()).isEqualTo("mary@example.com");
    }

    /**
     * A change that commits while a resolution is under way (here: after it read the records,
     * before it is stored) must not be hidden: the entry carries the counter read before resolving.
     */
    @Test
    void aChangeRacingAResolutionIsSeenByTheNextCall() {
        indexGroup("staff", List.of("mary@example.com"), List.of());
        PrincipalResolver plain = new PrincipalResolver(f.store);
        boolean[] changed = {false};
        PrincipalLookup racing = (app, index, email) -> {
            ResolvedPrincipals resolved = plain.resolve(app, index, email);
            if (!changed[0]) {
                changed[0] = true;
                indexGroup("staff", List.of(), List.of()); // another node removes mary meanwhile
            }
            return resolved;
        };
        CachingPrincipalResolver raced = new CachingPrincipalResolver(f.store, racing, 100);
        assertThat(raced.resolve(f.app, f.index, "mary@example.com").indexGroupNames()).containsExactly("staff");

        assertThat(raced.resolve(f.app, f.index, "mary@example.com").indexGroupNames()).isEmpty();
    }

    /**
     * Inside a transaction the cache must neither fill nor serve: an entry built from a
     * transaction's own bump and data would outlive its rollback and be served once another,
     * committed change brings the counter to the same value.
     */
    @Test
    void aRolledBackChangeNeverReachesTheCache() {
        indexGroup("staff", List.of("bob@example.com"), List.of());
        assertThat(mary().indexGroupNames()).isEmpty();
        assertThatThrownBy(() -> f.store.inTransaction(() -> {
            indexGroup("secret", List.of("mary@example.com"), List.of());
            assertThat(mary().indexGroupNames()).as("the transaction sees its own change").contains("secret");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        indexGroup("staff", List.of("bob@example.com", "carol@example.com"), List.of()); // same counter value again

        assertThat(mary().indexGroupNames()).isEmpty();
    }

    @Test
    void aSharedResolutionCannotBeChangedByOneOfItsReaders() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), null);
        dataSourceGroupOf("mmajor");
        ResolvedPrincipals shared = mary();
        assertThatThrownBy(() -> shared.dataSourceUserIds().get(f.ds1).add("intruder"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shared.dataSourceGroups().get(f.ds1).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(mary().dataSourceGroupNames(f.ds1)).containsExactly("wiki");
    }

    @Test
    void theCacheKeepsAtMostItsBoundOfUsers() {
        CachingPrincipalResolver small = new CachingPrincipalResolver(f.store, new PrincipalResolver(f.store), 2);
        for (String user : List.of("a@example.com", "b@example.com", "c@example.com")) {
            small.resolve(f.app, f.index, user);
        }
        assertThat(small.size()).isEqualTo(2);
    }

    private void dataSourceGroupOf(String alias) {
        groups.put(f.app, f.index, new PutGroupRequest("wiki", DATASOURCE, f.ds1,
                List.of(new MemberUser(alias, DATASOURCE)), List.of()));
    }
}
