package dev.quire.index.lucene;

import dev.quire.spi.search.IndexedChunk;

import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * One {@link IndexedChunk} as one Lucene document and back. Identity and scope fields are exact
 * keywords; title and text are analysed (and stored); everything needed to rebuild the record is
 * stored, in {@link StoredCodec} form where a single string cannot carry it.
 */
final class ChunkDocuments {
    static final String APP = "app";
    static final String SCOPE = "scope";        // app|index
    static final String DOC_KEY = "doc_key";    // app|index|documentId
    static final String INDEX = "index";
    static final String DOCUMENT = "document";
    static final String CHUNK = "chunk";
    static final String ORDINAL = "ordinal";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String SECTIONS = "sections";
    static final String SOURCE_URI = "source_uri";
    static final String DATA_SOURCE = "data_source";
    static final String ATTRIBUTES = "attributes";
    static final String VECTOR = "vector";
    static final String VECTOR_STORED = "vector_stored";
    static final String ACL = "acl";
    static final String UPDATED_AT = "updated_at";
    static final String UPDATED_AT_MILLIS = "updated_at_millis";
    private static final char SEP = '|';

    private ChunkDocuments() {
    }

    static String scopeKey(String applicationId, String indexId) {
        return requireNoSeparator("applicationId", applicationId) + SEP + requireNoSeparator("indexId", indexId);
    }

    /** Unambiguous because application and index ids may not contain the separator. */
    static Term docKey(String applicationId, String indexId, String documentId) {
        return new Term(DOC_KEY, scopeKey(applicationId, indexId) + SEP + documentId);
    }

    private static String requireNoSeparator(String what, String id) {
        if (id == null || id.isEmpty() || id.indexOf(SEP) >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and must not contain '" + SEP + "': " + id);
        }
        return id;
    }

    static Document toDocument(IndexedChunk c) {
        Document doc = new Document();
        doc.add(new StringField(APP, c.applicationId(), Field.Store.YES));
        doc.add(new StringField(INDEX, c.indexId(), Field.Store.YES));
        doc.add(new StringField(SCOPE, scopeKey(c.applicationId(), c.indexId()), Field.Store.NO));
        doc.add(new StringField(DOC_KEY, docKey(c.applicationId(), c.indexId(), c.documentId()).text(), Field.Store.NO));
        doc.add(new StringField(DOCUMENT, c.documentId(), Field.Store.YES));
        doc.add(new StringField(CHUNK, c.chunkId(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, c.ordinal()));
        if (c.title() != null) {
            doc.add(new TextField(TITLE, c.title(), Field.Store.YES));
        }
        if (c.text() != null) {
            doc.add(new TextField(TEXT, c.text(), Field.Store.YES));
        }
        doc.add(new StoredField(SECTIONS, StoredCodec.encodeStrings(c.sectionPath())));
        if (c.sourceUri() != null) {
            doc.add(new StoredField(SOURCE_URI, c.sourceUri()));
        }
        if (c.dataSourceId() != null) {
            doc.add(new StringField(DATA_SOURCE, c.dataSourceId(), Field.Store.YES));
        }
        AttributeQueries.addFields(doc, c.attributes());
        doc.add(new StoredField(ATTRIBUTES, StoredCodec.encodeAttributes(c.attributes())));
        if (c.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, c.vector(), VectorSimilarityFunction.COSINE));
            doc.add(new StoredField(VECTOR_STORED, StoredCodec.encodeVector(c.vector())));
        }
        AclEncoding.addFields(doc, c.acl());
        doc.add(new StoredField(ACL, StoredCodec.encodeAcl(c.acl())));
        if (c.updatedAt() != null) {
            doc.add(new StoredField(UPDATED_AT, StoredCodec.encodeInstant(c.updatedAt())));
            doc.add(new LongField(UPDATED_AT_MILLIS, c.updatedAt().toEpochMilli(), Field.Store.NO));
        }
        return doc;
    }

    static IndexedChunk fromStored(Document d) {
        BytesRef vector = d.getBinaryValue(VECTOR_STORED);
        BytesRef updated = d.getBinaryValue(UPDATED_AT);
        BytesRef sections = d.getBinaryValue(SECTIONS);
        BytesRef attributes = d.getBinaryValue(ATTRIBUTES);
        return new IndexedChunk(d.get(APP), d.get(INDEX), d.get(DOCUMENT), d.get(CHUNK),
                d.getField(ORDINAL).numericValue().intValue(), d.get(TITLE),
                sections == null ? List.of() : StoredCodec.decodeStrings(sections),
                d.get(TEXT), d.get(SOURCE_URI), d.get(DATA_SOURCE),
                attributes == null ? Map.of() : StoredCodec.decodeAttributes(attributes),
                vector == null ? null : StoredCodec.decodeVector(vector),
                StoredCodec.decodeAcl(d.getBinaryValue(ACL)),
                updated == null ? null : StoredCodec.decodeInstant(updated));
    }
}
