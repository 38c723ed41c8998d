package dev.quire.core.qbusiness.principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.PrincipalGeneration;
import dev.quire.core.qbusiness.UserStoreFixture;
import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.core.qbusiness.index.Indices;
import dev.quire.core.qbusiness.users.UserAlias;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.spi.error.ApiError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write of what {@link PrincipalResolver} reads bumps the application's change counter in
 * its transaction, and the cache then answers exactly what a fresh resolution does. A mutation
 * path without its bump fails here (and would be a permission leak behind the cache).
 */
class PrincipalGenerationBumpTest {
    static final MembershipType INDEX = MembershipType.INDEX;
    static final MembershipType DATASOURCE = MembershipType.DATASOURCE;

    final UserStoreFixture f = new UserStoreFixture();
    final Users users = new Users(f.store, Clock.systemUTC());
    final Groups groups = new Groups(f.store, Clock.systemUTC());
    final CachingPrincipalResolver cache = new CachingPrincipalResolver(f.store);
    final PrincipalResolver fresh = new PrincipalResolver(f.store);

    @AfterEach
    void close() {
        f.close();
    }

    /** mary (alias mmajor in ds1) is in staff, staff in company; mmajor is in wiki of ds1. */
    void world() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), null);
        putIndexGroup("staff", List.of("mary@example.com"), List.of());
        putIndexGroup("company", List.of(), List.of("staff"));
        groups.put(f.app, f.index, new PutGroupRequest("wiki", DATASOURCE, f.ds1,
                List.of(new MemberUser("mmajor", DATASOURCE)), List.of()));
    }

    void putIndexGroup(String name, List<String> userIds, List<String> subGroups) {
        groups.put(f.app, f.index, new PutGroupRequest(name, INDEX, null,
                userIds.stream().map(u -> new MemberUser(u, INDEX)).toList(),
                subGroups.stream().map(g -> new MemberGroup(g, INDEX)).toList()));
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                mutation("CreateUser", t -> t.users.create(t.f.app, "bob@example.com", List.of(), null)),
                mutation("UpdateUser adds an alias", t -> t.users.update(t.f.app, "mary@example.com",
                        List.of(new UserAlias(null, t.f.ds2, "mm2")), List.of())),
                mutation("UpdateUser deletes an alias", t -> t.users.update(t.f.app, "mary@example.com",
                        List.of(), List.of(new UserAlias(null, t.f.ds1, "mmajor")))),
                mutation("DeleteUser", t -> t.users.delete(t.f.app, "mary@example.com")),
                mutation("PutGroup creates a group", t -> t.putIndexGroup("new", List.of("mary@example.com"), List.of())),
                mutation("PutGroup removes a member", t -> t.putIndexGroup("staff", List.of(), List.of())),
                mutation("PutGroup removes a sub group", t -> t.putIndexGroup("company", List.of(), List.of())),
                mutation("PutGroup of a data source", t -> t.groups.put(t.f.app, t.f.index, new PutGroupRequest(
                        "wiki", DATASOURCE, t.f.ds1, List.of(), List.of()))),
                mutation("DeleteGroup", t -> t.groups.delete(t.f.app, t.f.index, "staff", null)),
                mutation("DeleteGroup of a data source", t -> t.groups.delete(t.f.app, t.f.index, "wiki", t.f.ds1)),
                mutation("DeleteDataSource", t -> new DataSources(t.f.store, Clock.systemUTC())
                        .delete(t.f.app, t.f.index, t.f.ds1)),
                mutation("DeleteIndex", t -> new Indices(t.f.store).delete(t.f.app, t.f.index)),
                mutation("DeleteApplication", t -> new Applications(t.f.store, "123456789012", arn -> Optional.empty())
                        .delete(t.f.app)));
    }

    private static Arguments mutation(String name, Consumer<PrincipalGenerationBumpTest> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachMutationBumpsAndTheCacheThenAgreesWithAFreshResolution(String name,
                                                                   Consumer<PrincipalGenerationBumpTest> change) {
        world();
        outcome(cache); // mary's resolution is cached before the change
        long counter = PrincipalGeneration.read(f.store, f.app);

        change.accept(this);

        assertThat(PrincipalGeneration.read(f.store, f.app)).as(name + " bumps the counter").isGreaterThan(counter);
        assertThat(outcome(cache)).as(name + ": cached and fresh resolutions agree").isEqualTo(outcome(fresh));
    }

    @Test
    void aFailedMutationDoesNotBump() {
        world();
        long counter = PrincipalGeneration.read(f.store, f.app);
        assertThatThrownBy(() -> users.create(f.app, "MARY@example.com", List.of(), null)).isInstanceOf(ApiError.class);
        assertThat(PrincipalGeneration.read(f.store, f.app)).isEqualTo(counter);
    }

    /** The resolution, or the AWS error code it fails with. */
    private String outcome(PrincipalLookup lookup) {
        try {
            return lookup.resolve(f.app, f.index, "mary@example.com").toString();
        } catch (ApiError e) {
            return e.code().toString();
        }
    }
}
