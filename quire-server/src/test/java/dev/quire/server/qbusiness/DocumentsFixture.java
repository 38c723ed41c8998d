package dev.quire.server.qbusiness;

import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.NewApplication;
import dev.quire.core.qbusiness.index.Indices;
import dev.quire.core.qbusiness.index.NewIndex;
import dev.quire.spi.store.MetadataStore;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;

/**
 * The application and index the documents and data source tests write into, made the way a
 * caller makes them (never by writing store records), so the tests see the records exactly as
 * the applications and indexes areas store them.
 */
record DocumentsFixture(String app, String index) {
    private static final int UNITS = 1;

    /** Through the Q Business API: an ANONYMOUS application and an index with one capacity unit. */
    static DocumentsFixture create(QBusinessClient qb) {
        String app = qb.createApplication(r -> r.displayName("docs").identityType(IdentityType.ANONYMOUS))
                .applicationId();
        String index = qb.createIndex(r -> r.applicationId(app).displayName("docs")
                .capacityConfiguration(c -> c.units(UNITS))).indexId();
        return new DocumentsFixture(app, index);
    }

    /** Through the domain services, for tests that run the document services on a bare store. */
    static DocumentsFixture create(MetadataStore store) {
        Applications applications = new Applications(store, "123456789012", arn -> Optional.empty());
        String app = applications.create("us-east-1", new NewApplication("docs", null, "ANONYMOUS", null, null,
                null, null, null, null, null, null, null, null), null).applicationId();
        String index = new Indices(store).create(app, new NewIndex("docs", null, null, UNITS, List.of()), null)
                .indexId();
        return new DocumentsFixture(app, index);
    }
}
