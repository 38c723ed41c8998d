package dev.quire.core.qbusiness.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.UserStoreFixture;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsersTest {
    final UserStoreFixture f = new UserStoreFixture();
    final Users users = new Users(f.store, Clock.systemUTC());

    @AfterEach
    void close() {
        f.close();
    }

    static ErrorCode code(Throwable t) {
        return ((ApiError) t).code();
    }

    @Test
    void theUserKeepsItsSpellingAndIsFoundInAnyCase() {
        users.create(f.app, "Mary.Major@Example.com", List.of(), null);

        assertThat(users.get(f.app, "mary.major@example.COM").userId()).isEqualTo("Mary.Major@Example.com");
        assertThatThrownBy(() -> users.create(f.app, "MARY.MAJOR@example.com", List.of(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void anIdBelongsToOneUserOnly() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor")), null);

        // bob may not take mary's email, nor her local id in any slot
        assertThatThrownBy(() -> users.create(f.app, "bob@example.com",
                List.of(new UserAlias(null, null, "Mary@example.com")), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> users.create(f.app, "bob@example.com",
                List.of(new UserAlias(null, f.ds2, "MMAJOR")), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> users.create(f.app, "mmajor", List.of(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
        // the failed creates left nothing behind
        assertThat(users.find(f.app, "bob@example.com")).isEmpty();
        users.create(f.app, "bob@example.com", List.of(new UserAlias(null, f.ds1, "bsmith")), null);

        // deleting mary frees her ids
        users.delete(f.app, "MARY@example.com");
        users.update(f.app, "bob@example.com", List.of(new UserAlias(null, f.ds2, "mmajor")), List.of());
        assertThat(users.get(f.app, "bob@example.com").userAliases()).hasSize(2);
    }

    @Test
    void updateAddsReplacesAndDeletesBySlot() {
        users.create(f.app, "mary@example.com", List.of(new UserAlias(null, f.ds1, "mmajor"),
                new UserAlias(f.index, null, "mary-idx")), null);

        UserAliasChanges changes = users.update(f.app, "mary@example.com",
                List.of(new UserAlias(null, f.ds1, "mary.major"), new UserAlias(null, f.ds2, "mm2")),
                List.of(new UserAlias(f.index, null, "MARY-IDX")));

        assertThat(changes.added()).containsExactly(new UserAlias(null, f.ds2, "mm2"));
        assertThat(changes.updated()).containsExactly(new UserAlias(null, f.ds1, "mary.major"));
        assertThat(changes.deleted()).containsExactly(new UserAlias(f.index, null, "mary-idx"));
        assertThat(users.get(f.app, "mary@example.com").userAliases()).containsExactlyInAnyOrder(
                new UserAlias(null, f.ds1, "mary.major"), new UserAlias(null, f.ds2, "mm2"));
        // the replaced id is free again, the new one is taken
        users.create(f.app, "mmajor", List.of(), null);
        assertThatThrownBy(() -> users.create(f.app, "mary.major", List.of(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void aliasesAreCheckedAgainstTheApplication() {
        assertThatThrownBy(() -> users.create(f.app, "x@example.com",
                List.of(new UserAlias(null, f.ds1, "a"), new UserAlias(null, f.ds1, "b")), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.VALIDATION));
        assertThatThrownBy(() -> users.create(f.app, "x@example.com",
                List.of(new UserAlias("00000000-0000-0000-0000-000000000000", null, "a")), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> users.create(f.app, "x@example.com",
                List.of(new UserAlias(null, "00000000-0000-0000-0000-000000000000", "a")), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    @Test
    void aClientTokenReplaysTheSameRequestAndRefusesAnother() {
        users.create(f.app, "mary@example.com", List.of(), "token-1");
        users.create(f.app, "mary@example.com", List.of(), "token-1");

        assertThatThrownBy(() -> users.create(f.app, "bob@example.com", List.of(), "token-1"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CONFLICT));
        assertThat(users.find(f.app, "bob@example.com")).isEmpty();
    }
}
