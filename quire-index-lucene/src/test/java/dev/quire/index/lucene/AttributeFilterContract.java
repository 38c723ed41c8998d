package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.APP;
import static dev.quire.index.lucene.TestChunks.INDEX;
import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.documentIds;
import static dev.quire.index.lucene.TestChunks.request;
import static dev.quire.index.lucene.TestChunks.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.AttributeFilter.Leaf;
import dev.quire.spi.search.AttributeFilter.Operator;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest.Mode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every attribute filter operator and combinator, on string, string list, long and date values. */
public abstract class AttributeFilterContract {
    private SearchIndex index;

    protected abstract SearchIndex newIndex();

    @BeforeEach
    void indexThreeDocuments() {
        index = newIndex();
        add("a", "eng", List.of("x", "y"), 2020, "2024-01-01T00:00:00Z");
        add("b", "sales", List.of("y", "z"), 2022, "2024-06-01T00:00:00Z");
        add("c", "eng", List.of("x"), 2024, "2025-01-01T00:00:00Z");
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private void add(String id, String dept, List<String> tags, long year, String published) {
        index.replaceDocument(APP, INDEX, id, List.of(chunk(APP, INDEX, id, 0, null, "policy", vec(1, 0),
                AclTerms.everyone(), Map.of("dept", AttributeValue.of(dept), "tags", AttributeValue.of(tags),
                        "year", AttributeValue.of(year), "published", AttributeValue.of(Instant.parse(published))))));
    }

    private Set<String> matching(AttributeFilter filter) {
        Set<String> bm25 = new TreeSet<>(documentIds(index.search(request("policy", null, Set.of(), filter, 10, Mode.BM25))));
        Set<String> knn = new TreeSet<>(documentIds(index.search(request(null, vec(1, 0), Set.of(), filter, 10, Mode.VECTOR))));
        assertThat(knn).as("kNN applies the same filter").isEqualTo(bm25);
        return bm25;
    }

    private static Leaf leaf(Operator op, String name, AttributeValue value) {
        return new Leaf(op, name, value);
    }

    private static AttributeValue date(String iso) {
        return AttributeValue.of(Instant.parse(iso));
    }

    @Test
    void equalsTo() {
        assertThat(matching(leaf(Operator.EQUALS_TO, "dept", AttributeValue.of("eng")))).containsExactly("a", "c");
        assertThat(matching(leaf(Operator.EQUALS_TO, "tags", AttributeValue.of(List.of("y", "x"))))).containsExactly("a");
        assertThat(matching(leaf(Operator.EQUALS_TO, "tags", AttributeValue.of(List.of("x"))))).containsExactly("c");
        assertThat(matching(leaf(Operator.EQUALS_TO, "year", AttributeValue.of(2022L)))).containsExactly("b");
        assertThat(matching(leaf(Operator.EQUALS_TO, "published", date("2025-01-01T00:00:00Z")))).containsExactly("c");
    }

    @Test
    void containsAllAndContainsAny() {
        assertThat(matching(leaf(Operator.CONTAINS_ALL, "tags", AttributeValue.of(List.of("x", "y"))))).containsExactly("a");
        assertThat(matching(leaf(Operator.CONTAINS_ALL, "tags", AttributeValue.of(List.of("x"))))).containsExactly("a", "c");
        assertThat(matching(leaf(Operator.CONTAINS_ANY, "tags", AttributeValue.of(List.of("z", "q"))))).containsExactly("b");
        assertThat(matching(leaf(Operator.CONTAINS_ANY, "tags", AttributeValue.of(List.of("z", "x"))))).containsExactly("a", "b", "c");
        // A STRING attribute against a list: is the document's value one of these?
        assertThat(matching(leaf(Operator.CONTAINS_ANY, "dept", AttributeValue.of(List.of("sales", "hr"))))).containsExactly("b");
    }

    @Test
    void rangesOnLongsAndDates() {
        AttributeValue y2022 = AttributeValue.of(2022L);
        assertThat(matching(leaf(Operator.GREATER_THAN, "year", y2022))).containsExactly("c");
        assertThat(matching(leaf(Operator.GREATER_THAN_OR_EQUALS, "year", y2022))).containsExactly("b", "c");
        assertThat(matching(leaf(Operator.LESS_THAN, "year", y2022))).containsExactly("a");
        assertThat(matching(leaf(Operator.LESS_THAN_OR_EQUALS, "year", y2022))).containsExactly("a", "b");
        AttributeValue june = date("2024-06-01T00:00:00Z");
        assertThat(matching(leaf(Operator.GREATER_THAN, "published", june))).containsExactly("c");
        assertThat(matching(leaf(Operator.GREATER_THAN_OR_EQUALS, "published", june))).containsExactly("b", "c");
        assertThat(matching(leaf(Operator.LESS_THAN, "published", june))).containsExactly("a");
        assertThat(matching(leaf(Operator.LESS_THAN_OR_EQUALS, "published", june))).containsExactly("a", "b");
    }

    @Test
    void andOrNot() {
        Leaf eng = leaf(Operator.EQUALS_TO, "dept", AttributeValue.of("eng"));
        Leaf after2021 = leaf(Operator.GREATER_THAN, "year", AttributeValue.of(2021L));
        assertThat(matching(new AttributeFilter.And(List.of(eng, after2021)))).containsExactly("c");
        assertThat(matching(new AttributeFilter.Or(List.of(eng, after2021)))).containsExactly("a", "b", "c");
        assertThat(matching(new AttributeFilter.Not(eng))).containsExactly("b");
        assertThat(matching(new AttributeFilter.Not(new AttributeFilter.And(List.of(eng, after2021))))).containsExactly("a", "b");
        assertThat(matching(new AttributeFilter.Or(List.of()))).isEmpty();
    }

    @Test
    void unknownAttributesAndOtherTypesMatchNothing() {
        Leaf unknown = leaf(Operator.EQUALS_TO, "nosuch", AttributeValue.of("eng"));
        assertThat(matching(unknown)).isEmpty();
        assertThat(matching(new AttributeFilter.Not(unknown))).containsExactly("a", "b", "c");
        assertThat(matching(leaf(Operator.GREATER_THAN, "nosuch", AttributeValue.of(1L)))).isEmpty();
        assertThat(matching(leaf(Operator.EQUALS_TO, "dept", AttributeValue.of(1L)))).isEmpty();
        assertThat(matching(leaf(Operator.EQUALS_TO, "year", AttributeValue.of("2020")))).isEmpty();
    }

    @Test
    void rangeOnAStringIsRejected() {
        assertThatThrownBy(() -> matching(leaf(Operator.GREATER_THAN, "dept", AttributeValue.of("eng"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long and date");
    }
}
