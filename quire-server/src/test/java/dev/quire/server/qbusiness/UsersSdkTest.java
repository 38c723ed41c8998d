package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.UpdateUserResponse;
import software.amazon.awssdk.services.qbusiness.model.UserAlias;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** CreateUser / GetUser / UpdateUser / DeleteUser through the AWS SDK for Java v2. */
class UsersSdkTest {
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

    static UserAlias alias(String indexId, String dataSourceId, String userId) {
        return UserAlias.builder().indexId(indexId).dataSourceId(dataSourceId).userId(userId).build();
    }

    @Test
    void createGetUpdateDelete() {
        qb.createUser(r -> r.applicationId(app).userId("Mary.Major@Example.com")
                .userAliases(alias(null, ds, "mmajor"), alias(index, null, "mary")));

        assertThat(qb.getUser(r -> r.applicationId(app).userId("mary.major@example.com")).userAliases())
                .containsExactlyInAnyOrder(alias(null, ds, "mmajor"), alias(index, null, "mary"));

        UpdateUserResponse changed = qb.updateUser(r -> r.applicationId(app).userId("MARY.MAJOR@example.com")
                .userAliasesToUpdate(alias(null, ds, "mary.major"), alias(null, null, "mm@corp.example"))
                .userAliasesToDelete(alias(index, null, "mary")));
        assertThat(changed.userAliasesAdded()).containsExactly(alias(null, null, "mm@corp.example"));
        assertThat(changed.userAliasesUpdated()).containsExactly(alias(null, ds, "mary.major"));
        assertThat(changed.userAliasesDeleted()).containsExactly(alias(index, null, "mary"));

        qb.deleteUser(r -> r.applicationId(app).userId("mary.major@example.com"));
        assertThatThrownBy(() -> qb.getUser(r -> r.applicationId(app).userId("mary.major@example.com")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("USER"));
    }

    @Test
    void aDuplicateUserInAnyCaseIsAConflict() {
        qb.createUser(r -> r.applicationId(app).userId("dup@example.com"));
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("DUP@example.com")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theClientTokenMakesCreateUserIdempotent() {
        String token = UUID.randomUUID().toString();
        qb.createUser(r -> r.applicationId(app).userId("retry@example.com").clientToken(token));
        qb.createUser(r -> r.applicationId(app).userId("retry@example.com").clientToken(token));

        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("other@example.com").clientToken(token)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void invalidMembersAreNamed() {
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("x".repeat(2049))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("userId"));
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("a@example.com")
                .userAliases(alias(null, ds, ""))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("userAliases[0].userId"));
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("a@example.com")
                .userAliases(alias(null, ds, "one"), alias(null, ds, "two"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("userAliases"));
    }

    @Test
    void unknownApplicationIndexAndUserAreNotFound() {
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(missing).userId("a@example.com")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo("APPLICATION");
                    assertThat(e.resourceId()).isEqualTo(missing);
                });
        assertThatThrownBy(() -> qb.createUser(r -> r.applicationId(app).userId("a@example.com")
                .userAliases(alias(missing, null, "a"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("INDEX"));
        assertThatThrownBy(() -> qb.updateUser(r -> r.applicationId(app).userId("nobody@example.com")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> qb.deleteUser(r -> r.applicationId(app).userId("nobody@example.com")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
