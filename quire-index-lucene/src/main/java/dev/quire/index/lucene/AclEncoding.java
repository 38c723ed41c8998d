package dev.quire.index.lucene;

import dev.quire.spi.search.AclTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * {@link AclTerms} compiled into index fields, and a caller's principals compiled into ONE Lucene
 * query that admits exactly the chunks {@link AclTerms#permits} admits. The ACL is therefore part of
 * the query that ranks (BM25) or of the filter the HNSW walk consults (kNN): a user who may read 5
 * documents among a million gets their best 5, never an empty page from a post-filtered top-k.
 *
 * <p>Encoding, chosen so the common shapes cost a single term lookup:
 * <ul>
 *   <li>{@code acl_deny}: every denied principal. Query: MUST_NOT TermInSet(principals).</li>
 *   <li>{@code acl_public} = "1" when some allow clause is empty (everyone in the application).</li>
 *   <li>{@code acl_any}: the principal of every single-term clause (user OR group OR ... — what
 *       nearly every connector ACL compiles to). Query: TermInSet(principals).</li>
 *   <li>{@code acl_all_<i>} + doc value {@code acl_all_<i>_n}: the i-th clause with two or more
 *       terms (an AND, e.g. DATASOURCE group AND user) and its size. Query per slot: CoveringQuery
 *       over TermQuery(acl_all_i, p) for each principal p, requiring at least {@code acl_all_i_n}
 *       of them to match. Because principals are a set and the clause is a set, "at least n of the
 *       caller's principals are in the clause" is exactly "the clause is contained in the
 *       principals". A document lacking slot i has no term there, so no sub-query matches it.</li>
 * </ul>
 * Allowed = public OR any OR slot0 OR slot1 ...; the final filter is Allowed AND NOT Denied.
 * Slots are numbered per document from 0, so the query needs only as many CoveringQuery clauses as
 * the largest number of AND clauses any one document has (read from the index's field infos).
 * A separate slot per clause (rather than one field for all AND clauses) is required because the
 * covering count must be per clause: two 2-term clauses each half satisfied must not add up to 2.
 */
final class AclEncoding {
    static final String DENY = "acl_deny";
    static final String PUBLIC = "acl_public";
    static final String ANY = "acl_any";
    static final String ALL_PREFIX = "acl_all_";
    private static final String SIZE_SUFFIX = "_n";
    private static final String MARKER = "1";

    private AclEncoding() {
    }

    static String slotField(int slot) {
        return ALL_PREFIX + slot;
    }

    static String slotSizeField(int slot) {
        return ALL_PREFIX + slot + SIZE_SUFFIX;
    }

    /** The slot number of an {@code acl_all_<i>} term field name, or -1 for any other field. */
    static int slotOf(String fieldName) {
        if (!fieldName.startsWith(ALL_PREFIX) || fieldName.endsWith(SIZE_SUFFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(fieldName.substring(ALL_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Adds the searchable ACL fields of one chunk; returns how many AND slots it used. */
    static int addFields(Document doc, AclTerms acl) {
        for (String denied : acl.deny()) {
            doc.add(new StringField(DENY, denied, Field.Store.NO));
        }
        int slot = 0;
        boolean isPublic = false;
        for (Set<String> clause : acl.allowClauses()) {
            if (clause.isEmpty()) {
                isPublic = true;
            } else if (clause.size() == 1) {
                doc.add(new StringField(ANY, clause.iterator().next(), Field.Store.NO));
            } else {
                for (String term : clause) {
                    doc.add(new StringField(slotField(slot), term, Field.Store.NO));
                }
                doc.add(new NumericDocValuesField(slotSizeField(slot), clause.size()));
                slot++;
            }
        }
        if (isPublic) {
            doc.add(new StringField(PUBLIC, MARKER, Field.Store.NO));
        }
        return slot;
    }

    /**
     * The filter admitting exactly what {@link AclTerms#permits} admits for {@code principals},
     * given that no document in the index uses more than {@code slotCount} AND slots.
     */
    static Query filter(Set<String> principals, int slotCount) {
        BooleanQuery.Builder allowed = new BooleanQuery.Builder();
        allowed.add(new TermQuery(new Term(PUBLIC, MARKER)), Occur.SHOULD);
        if (principals.isEmpty()) {
            return allowed.build();
        }
        List<BytesRef> terms = principals.stream().sorted().map(BytesRef::new).toList();
        allowed.add(new TermInSetQuery(ANY, terms), Occur.SHOULD);
        for (int slot = 0; slot < slotCount; slot++) {
            List<Query> perPrincipal = new ArrayList<>(terms.size());
            for (BytesRef term : terms) {
                perPrincipal.add(new TermQuery(new Term(slotField(slot), term)));
            }
            allowed.add(new CoveringQuery(perPrincipal, LongValuesSource.fromLongField(slotSizeField(slot))),
                    Occur.SHOULD);
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(allowed.build(), Occur.FILTER);
        filter.add(new TermInSetQuery(DENY, terms), Occur.MUST_NOT);
        return filter.build();
    }
}
