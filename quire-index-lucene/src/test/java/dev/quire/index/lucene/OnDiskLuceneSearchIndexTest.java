package dev.quire.index.lucene;

import dev.quire.spi.search.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The shared contracts against a Lucene index on disk (memory-mapped), one fresh directory per index. */
class OnDiskLuceneSearchIndexTest {
    @TempDir
    Path root;

    Path freshDirectory() {
        try {
            return Files.createTempDirectory(root, "index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Storage extends SearchIndexContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.open(freshDirectory());
        }
    }

    @Nested
    class Acl extends AclContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.open(freshDirectory());
        }
    }

    @Nested
    class AclProperty extends AclPropertyContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.open(freshDirectory());
        }
    }

    @Nested
    class Attributes extends AttributeFilterContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.open(freshDirectory());
        }
    }

    @Nested
    class BatchReplace extends BatchReplaceContract {
        @Override
        protected SearchIndex newIndex() {
            return LuceneSearchIndex.open(freshDirectory());
        }
    }
}
