package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.ServiceQuotaExceededException;

/** An account holds at most 50 applications; the 51st is ServiceQuotaExceeded (402), and deleting frees a slot. */
class ApplicationQuotaSdkTest {
    @TempDir
    Path dataDir;

    @Test
    void theFiftyFirstApplicationIsRefused() {
        try (ControlPlane cp = ControlPlane.h2(dataDir)) {
            String first = null;
            for (int i = 0; i < 50; i++) {
                String id = cp.anonymousApp("app-" + i);
                first = first == null ? id : first;
            }
            ServiceQuotaExceededException e = assertFails(ServiceQuotaExceededException.class, 402,
                    () -> cp.anonymousApp("one-too-many"));
            assertThat(e.resourceType()).isEqualTo("APPLICATION");
            assertThat(e.getMessage()).contains("50");

            String freed = first;
            cp.qb.deleteApplication(r -> r.applicationId(freed));
            assertThat(cp.anonymousApp("fits-again")).isNotBlank();
        }
    }
}
