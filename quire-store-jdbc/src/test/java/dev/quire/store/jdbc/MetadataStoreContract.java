package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MetadataStore} must show, run against each implementation by
 * subclassing (see {@link MetadataStoreFixture} for the two hooks). Transactions and
 * concurrency are in {@link MetadataStoreTransactionContract}, which this extends.
 */
public abstract class MetadataStoreContract extends MetadataStoreTransactionContract {

    /** Ids whose order differs between code-point order and most locales' collations. */
    private static final List<String> IDS_IN_CODE_POINT_ORDER = List.of("B", "a", "a-1", "a_1", "é");

    @Test
    void insertReturnsVersionOneAndGetReadsTheSameRecord() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StoredEntity inserted = store.insert("role", "r1", "acct/1", "{\"name\":\"admin\"}");
        Instant after = Instant.now();

        assertThat(inserted.kind()).isEqualTo("role");
        assertThat(inserted.id()).isEqualTo("r1");
        assertThat(inserted.scope()).isEqualTo("acct/1");
        assertThat(inserted.json()).isEqualTo("{\"name\":\"admin\"}");
        assertThat(inserted.version()).isEqualTo(1);
        assertThat(inserted.createdAt()).isEqualTo(inserted.updatedAt()).isBetween(before, after);
        assertThat(store.get("role", "r1")).contains(inserted);
    }

    @Test
    void getOfAbsentRecordIsEmptyAndKindsAreSeparateNamespaces() {
        store.insert("role", "same-id", "", "{\"k\":\"role\"}");
        store.insert("user", "same-id", "", "{\"k\":\"user\"}");
        assertThat(store.get("role", "other")).isEmpty();
        assertThat(store.get("group", "same-id")).isEmpty();
        assertThat(store.get("user", "same-id").orElseThrow().json()).isEqualTo("{\"k\":\"user\"}");
    }

    @Test
    void listOrdersByCodePointWhateverTheDatabaseLocale() {
        for (String id : List.of("é", "a_1", "B", "a-1", "a")) {
            store.insert("doc", id, "s", "{}");
        }
        assertThat(ids(store.list("doc", "s", null, 100))).isEqualTo(IDS_IN_CODE_POINT_ORDER);
    }

    @Test
    void listPagesWithAfterIdAndLimit() {
        for (String id : IDS_IN_CODE_POINT_ORDER) {
            store.insert("doc", id, "s", "{}");
        }
        assertThat(ids(store.list("doc", "s", null, 2))).containsExactly("B", "a");
        assertThat(ids(store.list("doc", "s", "a", 2))).containsExactly("a-1", "a_1");
        assertThat(ids(store.list("doc", "s", "a_1", 2))).containsExactly("é");
        assertThat(store.list("doc", "s", "é", 2)).isEmpty();
        // afterId need not exist: paging continues from where it would sort
        assertThat(ids(store.list("doc", "s", "a-0", 10))).containsExactly("a-1", "a_1", "é");
        assertThat(store.list("doc", "s", null, 0)).isEmpty();
    }

    @Test
    void listAndCountSeeOnlyTheAskedKindAndExactScope() {
        store.insert("doc", "1", "app/a", "{}");
        store.insert("doc", "2", "app/a", "{}");
        store.insert("doc", "3", "app/a/child", "{}");
        store.insert("doc", "4", "app/ab", "{}");
        store.insert("idx", "5", "app/a", "{}");
        assertThat(ids(store.list("doc", "app/a", null, 10))).containsExactly("1", "2");
        assertThat(store.count("doc", "app/a")).isEqualTo(2);
        assertThat(store.count("idx", "app/a")).isEqualTo(1);
        assertThat(store.count("doc", "app")).isZero();
        assertThat(store.count("nothing", "")).isZero();
    }

    @Test
    void duplicateInsertIsRefusedAndKeepsTheOriginal() {
        StoredEntity original = store.insert("role", "r1", "", "{\"v\":\"first\"}");
        assertThatThrownBy(() -> store.insert("role", "r1", "elsewhere", "{\"v\":\"second\"}"))
                .isInstanceOf(EntityExistsException.class)
                .hasMessageContaining("role r1");
        assertThat(store.get("role", "r1")).contains(original);
    }

    @Test
    void updateReplacesTheJsonAndIncrementsTheVersion() {
        StoredEntity v1 = store.insert("role", "r1", "acct", "{\"v\":1}");
        StoredEntity v2 = store.update("role", "r1", "{\"v\":2}", 1);
        StoredEntity v3 = store.update("role", "r1", "{\"v\":3}", 2);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.json()).isEqualTo("{\"v\":3}");
        assertThat(v3.scope()).isEqualTo("acct");
        assertThat(v3.createdAt()).isEqualTo(v1.createdAt());
        assertThat(v3.updatedAt()).isAfterOrEqualTo(v2.updatedAt()).isAfterOrEqualTo(v1.createdAt());
        assertThat(store.get("role", "r1")).contains(v3);
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        store.insert("role", "r1", "", "{\"v\":1}");
        StoredEntity v2 = store.update("role", "r1", "{\"v\":2}", 1);
        assertThatThrownBy(() -> store.update("role", "r1", "{\"v\":\"stale\"}", 1))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("role r1");
        assertThatThrownBy(() -> store.update("role", "r1", "{\"v\":\"future\"}", 7))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.get("role", "r1")).contains(v2);
    }

    @Test
    void updateOfAnAbsentRecordIsNotFound() {
        store.insert("user", "r1", "", "{}");
        assertThatThrownBy(() -> store.update("role", "r1", "{}", 1))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("role r1");
    }

    @Test
    void deleteRemovesOneRecordAndSaysWhetherItDid() {
        store.insert("role", "r1", "", "{}");
        store.insert("role", "r2", "", "{}");
        store.insert("user", "r1", "", "{}");
        assertThat(store.delete("role", "r1")).isTrue();
        assertThat(store.delete("role", "r1")).isFalse();
        assertThat(store.get("role", "r1")).isEmpty();
        assertThat(store.get("role", "r2")).isPresent();
        assertThat(store.get("user", "r1")).isPresent();
    }

    @Test
    void deleteScopeRemovesTheScopeAndEverythingBelowItOfEveryKind() {
        store.insert("app", "a", "", "{}");
        store.insert("index", "i1", "app/a", "{}");
        store.insert("doc", "d1", "app/a/index/i1", "{}");
        store.insert("doc", "d2", "app/a/index/i1/deep/er", "{}");
        store.insert("index", "i2", "app/ab", "{}"); // shares the text prefix, not the path
        store.insert("index", "i3", "app", "{}");    // the parent stays
        assertThat(store.deleteScope("app/a")).isEqualTo(3);
        assertThat(store.get("index", "i1")).isEmpty();
        assertThat(store.get("doc", "d1")).isEmpty();
        assertThat(store.get("doc", "d2")).isEmpty();
        assertThat(store.get("index", "i2")).isPresent();
        assertThat(store.get("index", "i3")).isPresent();
        assertThat(store.get("app", "a")).isPresent();
        assertThat(store.deleteScope("app/a")).isZero();
    }

    @Test
    void deleteScopeTakesLikeWildcardsInThePrefixLiterally() {
        for (String scope : List.of("app/a_b", "app/a_b/x", "app/aXb", "app/aXb/x",
                "app/a%", "app/a%/y", "app/abc", "app/a\\b", "app/a\\b/z", "app/aQb")) {
            store.insert("doc", scope, scope, "{}");
        }
        assertThat(store.deleteScope("app/a_b")).isEqualTo(2);
        assertThat(store.deleteScope("app/a%")).isEqualTo(2);
        assertThat(store.deleteScope("app/a\\b")).isEqualTo(2);
        assertThat(List.of("app/aXb", "app/aXb/x", "app/abc", "app/aQb"))
                .allSatisfy(id -> assertThat(store.get("doc", id)).isPresent());
        assertThat(List.of("app/a_b", "app/a_b/x", "app/a%", "app/a%/y", "app/a\\b", "app/a\\b/z"))
                .allSatisfy(id -> assertThat(store.get("doc", id)).isEmpty());
    }

    @Test
    void deleteScopeRefusesAnEmptyPrefix() {
        store.insert("app", "a", "", "{}");
        assertThatThrownBy(() -> store.deleteScope("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("app", "a")).isPresent();
    }

    @Test
    void oneMegabyteOfJsonRoundTrips() {
        String json = "{\"blob\":\"" + "0123456789abcdef".repeat(65_536) + "ü\"}";
        StoredEntity inserted = store.insert("doc", "big", "", json);
        assertThat(store.get("doc", "big").orElseThrow().json()).isEqualTo(json);
        String bigger = json.replace("ü", "üü");
        store.update("doc", "big", bigger, inserted.version());
        assertThat(store.get("doc", "big").orElseThrow().json()).isEqualTo(bigger);
    }

    @Test
    void unicodeRoundTripsInEveryField() {
        String kind = "ドキュメント";
        String id = "naïve-日本-😀-e\u0301";
        String scope = "app/Ωmega/社内";
        String json = "{\"title\":\"Grüße 😀 \\u0000 中文 עברית\"}";
        store.insert(kind, id, scope, json);
        StoredEntity read = store.get(kind, id).orElseThrow();
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.scope()).isEqualTo(scope);
        assertThat(read.json()).isEqualTo(json);
        assertThat(ids(store.list(kind, scope, null, 10))).containsExactly(id);
        assertThat(store.deleteScope("app/Ωmega")).isEqualTo(1);
    }

    @Test
    void reopeningTheSameDatabaseKeepsTheRecordsAndDoesNotMigrateAgain() {
        if (store instanceof JdbcMetadataStore jdbc) {
            assertThat(jdbc.migrationsAppliedOnOpen()).isPositive();
        }
        StoredEntity saved = store.insert("role", "r1", "acct", "{\"v\":1}");
        StoredEntity updated = store.update("role", "r1", "{\"v\":2}", saved.version());

        MetadataStore reopened = reopen();

        assertThat(reopened.get("role", "r1")).contains(updated);
        assertThat(reopened.update("role", "r1", "{\"v\":3}", 2).version()).isEqualTo(3);
        if (reopened instanceof JdbcMetadataStore jdbc) {
            assertThat(jdbc.migrationsAppliedOnOpen()).isZero();
        }
    }

    @Test
    void describeSaysWhereTheDataLives() {
        assertThat(store.describe()).isNotBlank();
    }

    private static List<String> ids(List<StoredEntity> page) {
        return page.stream().map(StoredEntity::id).toList();
    }
}
