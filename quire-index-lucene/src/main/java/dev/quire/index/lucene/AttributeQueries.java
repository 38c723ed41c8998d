package dev.quire.index.lucene;

import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.AttributeFilter.Leaf;
import dev.quire.spi.search.AttributeFilter.Operator;
import dev.quire.spi.search.AttributeValue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Document attributes as typed, name-prefixed index fields, and the {@link AttributeFilter} tree as
 * a Lucene query over them. Each value type has its own field ({@code attr.s.}, {@code attr.sl.},
 * {@code attr.l.}, {@code attr.d.} + name) so a user attribute can never collide with an internal
 * field nor with a same-named attribute of another type. A filter on an attribute no document has
 * simply finds no terms there and matches nothing. Within a Not, Lucene needs a positive clause,
 * so the negation is taken relative to all documents (the caller ANDs the scope and ACL around it).
 */
final class AttributeQueries {
    private static final String STRING = "attr.s.";
    private static final String LIST = "attr.sl.";
    private static final String LIST_SIZE = "attr.sln.";
    private static final String LONG = "attr.l.";
    private static final String DATE = "attr.d.";

    private AttributeQueries() {
    }

    static void addFields(Document doc, Map<String, AttributeValue> attributes) {
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            String name = e.getKey();
            AttributeValue v = e.getValue();
            if (v.stringValue() != null) {
                doc.add(new StringField(STRING + name, v.stringValue(), Field.Store.NO));
            } else if (v.stringListValue() != null) {
                Set<String> distinct = new LinkedHashSet<>(v.stringListValue());
                for (String item : distinct) {
                    doc.add(new StringField(LIST + name, item, Field.Store.NO));
                }
                doc.add(new LongField(LIST_SIZE + name, distinct.size(), Field.Store.NO));
            } else if (v.longValue() != null) {
                doc.add(new LongField(LONG + name, v.longValue(), Field.Store.NO));
            } else {
                doc.add(new LongField(DATE + name, v.dateValue().toEpochMilli(), Field.Store.NO));
            }
        }
    }

    static Query toQuery(AttributeFilter filter) {
        if (filter instanceof AttributeFilter.And and) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
            and.all().forEach(f -> b.add(toQuery(f), Occur.FILTER));
            return b.build();
        }
        if (filter instanceof AttributeFilter.Or or) {
            if (or.any().isEmpty()) {
                return new MatchNoDocsQuery("empty orAllFilters");
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            or.any().forEach(f -> b.add(toQuery(f), Occur.SHOULD));
            return b.build();
        }
        if (filter instanceof AttributeFilter.Not not) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
            b.add(toQuery(not.filter()), Occur.MUST_NOT);
            return b.build();
        }
        return leaf((Leaf) filter);
    }

    private static Query leaf(Leaf leaf) {
        AttributeValue v = leaf.value();
        String name = leaf.name();
        Operator op = leaf.operator();
        switch (op) {
            case EQUALS_TO:
                if (v.stringValue() != null) {
                    return new TermQuery(new Term(STRING + name, v.stringValue()));
                }
                if (v.stringListValue() != null) {
                    // The same set of values: contains all of them and has no others.
                    Set<String> distinct = new LinkedHashSet<>(v.stringListValue());
                    BooleanQuery.Builder b = allOf(LIST + name, distinct);
                    b.add(LongField.newExactQuery(LIST_SIZE + name, distinct.size()), Occur.FILTER);
                    return b.build();
                }
                return LongField.newExactQuery(numericField(name, v), numeric(v));
            case CONTAINS_ALL: {
                List<String> values = stringsOf(op, v);
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                b.add(allOf(LIST + name, new LinkedHashSet<>(values)).build(), Occur.SHOULD);
                b.add(allOf(STRING + name, new LinkedHashSet<>(values)).build(), Occur.SHOULD);
                return b.build();
            }
            case CONTAINS_ANY: {
                List<String> values = stringsOf(op, v);
                if (values.isEmpty()) {
                    return new MatchNoDocsQuery("containsAny of nothing");
                }
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String s : new LinkedHashSet<>(values)) {
                    b.add(new TermQuery(new Term(LIST + name, s)), Occur.SHOULD);
                    b.add(new TermQuery(new Term(STRING + name, s)), Occur.SHOULD);
                }
                return b.build();
            }
            default:
                return range(op, name, v);
        }
    }

    private static Query range(Operator op, String name, AttributeValue v) {
        if (v.longValue() == null && v.dateValue() == null) {
            throw new IllegalArgumentException(op + " applies to long and date attributes only: " + name);
        }
        String field = numericField(name, v);
        long n = numeric(v);
        return switch (op) {
            case GREATER_THAN -> n == Long.MAX_VALUE ? new MatchNoDocsQuery() : LongField.newRangeQuery(field, n + 1, Long.MAX_VALUE);
            case GREATER_THAN_OR_EQUALS -> LongField.newRangeQuery(field, n, Long.MAX_VALUE);
            case LESS_THAN -> n == Long.MIN_VALUE ? new MatchNoDocsQuery() : LongField.newRangeQuery(field, Long.MIN_VALUE, n - 1);
            case LESS_THAN_OR_EQUALS -> LongField.newRangeQuery(field, Long.MIN_VALUE, n);
            default -> throw new IllegalStateException("not a range operator: " + op);
        };
    }

    /** A document field holding every value (all required; an empty set matches every document). */
    private static BooleanQuery.Builder allOf(String field, Set<String> values) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (values.isEmpty()) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        for (String s : values) {
            b.add(new TermQuery(new Term(field, s)), Occur.FILTER);
        }
        return b;
    }

    private static List<String> stringsOf(Operator op, AttributeValue v) {
        if (v.stringListValue() != null) {
            return v.stringListValue();
        }
        if (v.stringValue() != null) {
            return List.of(v.stringValue());
        }
        throw new IllegalArgumentException(op + " applies to string and string list values only");
    }

    private static String numericField(String name, AttributeValue v) {
        return (v.longValue() != null ? LONG : DATE) + name;
    }

    private static long numeric(AttributeValue v) {
        return v.longValue() != null ? v.longValue() : v.dateValue().toEpochMilli();
    }
}
