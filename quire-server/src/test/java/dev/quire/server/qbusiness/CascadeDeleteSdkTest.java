package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;

/** DeleteApplication removes the application and everything stored under it, and nothing of its neighbours. */
class CascadeDeleteSdkTest {
    @TempDir
    Path dataDir;

    @Test
    void deletingAnApplicationLeavesNoRecordUnderItsScope() {
        try (ControlPlane cp = ControlPlane.h2(dataDir)) {
            String doomed = cp.anonymousApp("doomed");
            String neighbour = cp.anonymousApp("neighbour");
            CascadeDelete.fill(cp, doomed);
            CascadeDelete.fill(cp, neighbour);

            cp.qb.deleteApplication(r -> r.applicationId(doomed));

            CascadeDelete.assertNothingLeft(cp, doomed);
            assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.listIndices(r -> r.applicationId(doomed)));
            assertThat(cp.qb.listIndices(r -> r.applicationId(neighbour)).indices()).hasSize(1);
            assertThat(cp.qb.listRetrievers(r -> r.applicationId(neighbour)).retrievers()).hasSize(1);
            assertThat(cp.qb.getChatControlsConfiguration(r -> r.applicationId(neighbour)).blockedPhrases()
                    .blockedPhrases()).containsExactly("secret");
        }
    }
}
