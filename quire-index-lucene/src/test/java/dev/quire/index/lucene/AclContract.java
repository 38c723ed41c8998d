package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ACL behaviour every {@link SearchIndex} must have: each case is checked against the reference
 * {@link AclTerms#permits} and against what the index returns, in every mode; plus the "best 5 of
 * 20,000" test, which only passes when the ACL is applied inside the query.
 */
public abstract class AclContract {
    protected SearchIndex index;

    protected abstract SearchIndex newIndex();

    @BeforeEach
    void openIndex() {
        index = newIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    static Stream<Arguments> cases() {
        Set<String> none = Set.of();
        List<Set<String>> twoAnds = List.of(Set.of("group:a", "group:b"), Set.of("group:c", "group:d"));
        return Stream.of(
                Arguments.of("public, no principals", AclTerms.everyone(), none, true),
                Arguments.of("public, any user", AclTerms.everyone(), Set.of("user:x@example.com"), true),
                Arguments.of("private, no principals", TestChunks.allow("user:a@example.com"), none, false),
                Arguments.of("user allowed", TestChunks.allow("user:a@example.com"), Set.of("user:a@example.com"), true),
                Arguments.of("other user", TestChunks.allow("user:a@example.com"), Set.of("user:b@example.com"), false),
                Arguments.of("terms are exact (case)", TestChunks.allow("user:a@example.com"), Set.of("user:A@example.com"), false),
                Arguments.of("OR: via group", TestChunks.allow("user:a@example.com", "group:eng"),
                        Set.of("user:b@example.com", "group:eng"), true),
                Arguments.of("deny wins over allow", new AclTerms(Set.of("user:a@example.com"), List.of(Set.of("group:eng"))),
                        Set.of("user:a@example.com", "group:eng"), false),
                Arguments.of("deny wins over public", new AclTerms(Set.of("group:contractors"), List.of(Set.of())),
                        Set.of("user:a@example.com", "group:contractors"), false),
                Arguments.of("deny of someone else", new AclTerms(Set.of("user:x@example.com"), List.of(Set.of("group:eng"))),
                        Set.of("group:eng"), true),
                Arguments.of("AND clause half satisfied", new AclTerms(Set.of(), List.of(Set.of("group:ds-1:eng", "user:a@example.com"))),
                        Set.of("group:ds-1:eng"), false),
                Arguments.of("AND clause satisfied", new AclTerms(Set.of(), List.of(Set.of("group:ds-1:eng", "user:a@example.com"))),
                        Set.of("group:ds-1:eng", "user:a@example.com", "group:other"), true),
                Arguments.of("two AND clauses, half of each", new AclTerms(Set.of(), twoAnds), Set.of("group:a", "group:c"), false),
                Arguments.of("two AND clauses, second whole", new AclTerms(Set.of(), twoAnds), Set.of("group:c", "group:d"), true),
                Arguments.of("DATASOURCE group is not the INDEX group", TestChunks.allow("group:ds-1:Engineering"),
                        Set.of("group:Engineering"), false),
                Arguments.of("DATASOURCE group", TestChunks.allow("group:ds-1:Engineering"),
                        Set.of("group:ds-1:Engineering"), true),
                Arguments.of("DATASOURCE group of another source", TestChunks.allow("group:ds-1:Engineering"),
                        Set.of("group:ds-2:Engineering"), false),
                Arguments.of("no allow clause = nobody", new AclTerms(Set.of(), List.of()), Set.of("user:a@example.com"), false),
                Arguments.of("empty clause beside AND clause", new AclTerms(Set.of(), List.of(Set.of(), Set.of("group:a", "group:b"))),
                        none, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aclCaseMatchesReferenceAndIndex(String name, AclTerms acl, Set<String> principals, boolean expected) {
        assertThat(acl.permits(principals)).as("reference semantics").isEqualTo(expected);
        index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "doc", List.of(chunk("doc", 0, "budget plan", vec(1, 0), acl)));
        index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "control", List.of(chunk("control", 0, "budget plan", vec(1, 0),
                AclTerms.everyone())));
        for (Mode mode : Mode.values()) {
            Set<String> found = chunkIds(index.search(request("budget", vec(1, 0), principals, null, 10, mode)));
            assertThat(found).as(mode + ": public control chunk").contains("control#0");
            assertThat(found.contains("doc#0")).as(mode + ": " + name).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void userWhoMayReadFiveOfTwentyThousandGetsExactlyThoseFive(Mode mode) {
        AclTerms secret = TestChunks.allow("group:secret");
        AclTerms mine = new AclTerms(Set.of(), List.of(Set.of("user:reader@example.com")));
        for (int d = 0; d < 20; d++) {
            List<IndexedChunk> chunks = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                boolean readable = d < 5 && i == 999;
                // The readable chunks are the WORST matches, so an unfiltered top-k never holds them.
                chunks.add(readable
                        ? chunk("d" + d, i, "quarterly filler filler filler filler filler filler filler", vec(0.1f, 1, 0), mine)
                        : chunk("d" + d, i, "quarterly report quarterly report", vec(1, 0, 0), secret));
            }
            index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "d" + d, chunks);
        }
        assertThat(index.chunkCount(TestChunks.APP, TestChunks.INDEX)).isEqualTo(20_000);
        Set<String> expected = Set.of("d0#999", "d1#999", "d2#999", "d3#999", "d4#999");
        for (int limit : new int[] {5, 10}) {
            var hits = index.search(request("quarterly report", vec(1, 0, 0), Set.of("user:reader@example.com"), null, limit, mode));
            assertThat(chunkIds(hits)).as("limit " + limit).isEqualTo(expected);
        }
    }

    @Test
    void searchNeverCrossesApplicationOrIndex() {
        AclTerms everyone = AclTerms.everyone();
        index.replaceDocument("app-2", TestChunks.INDEX, "other-app", List.of(
                chunk("app-2", TestChunks.INDEX, "other-app", 0, null, "budget", vec(1, 0), everyone, java.util.Map.of())));
        index.replaceDocument(TestChunks.APP, "index-2", "other-index", List.of(
                chunk(TestChunks.APP, "index-2", "other-index", 0, null, "budget", vec(1, 0), everyone, java.util.Map.of())));
        index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "mine", List.of(chunk("mine", 0, "budget", vec(1, 0), everyone)));
        for (Mode mode : Mode.values()) {
            assertThat(chunkIds(index.search(request("budget", vec(1, 0), Set.of(), null, 10, mode))))
                    .as(mode.name()).containsExactly("mine#0");
        }
    }
}
