package dev.quire.index.lucene;

import dev.quire.spi.search.SearchIndex;

import org.junit.jupiter.api.Nested;

/** The shared contracts against a heap-only Lucene index. */
class InMemoryLuceneSearchIndexTest {
    @Nested
    class Storage extends SearchIndexContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.openInMemory();
        }
    }

    @Nested
    class Acl extends AclContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.openInMemory();
        }
    }

    @Nested
    class AclProperty extends AclPropertyContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.openInMemory();
        }
    }

    @Nested
    class Attributes extends AttributeFilterContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.openInMemory();
        }
    }

    @Nested
    class BatchReplace extends BatchReplaceContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.openInMemory();
        }
    }
}
