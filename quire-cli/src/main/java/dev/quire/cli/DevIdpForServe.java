package dev.quire.cli;

import dev.quire.cli.demo.DemoIdentityProvider;
import dev.quire.cli.demo.DemoSettings;
import dev.quire.cli.demo.DemoUsers;
import dev.quire.devidp.DevIdp;
import dev.quire.server.QuireServer;
import java.nio.file.Path;
import java.security.SecureRandom;

/** {@code quire serve --enable-dev-idp}: the demo's development IdP next to a plain server (no provisioning). */
final class DevIdpForServe {
    private DevIdpForServe() {
    }

    static DevIdp start(QuireServer server, Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath();
        SecureRandom random = new SecureRandom();
        DemoUsers users = DemoUsers.loadOrCreate(dir, random);
        DemoSettings settings = DemoSettings.loadOrCreate(dir, random);
        DevIdp idp = DemoIdentityProvider.start(dir, port, server.accountId(), users, settings, System.out);
        System.out.println("  OIDC client " + settings.clientId() + " (secret in " + dir.resolve(DemoSettings.FILE)
                + "), users and passwords in " + dir.resolve(DemoUsers.FILE));
        return idp;
    }
}
