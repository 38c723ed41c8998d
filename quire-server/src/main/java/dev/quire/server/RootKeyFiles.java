package dev.quire.server;

import dev.quire.identity.credentials.RootCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the root keys as an AWS-CLI credentials file with a profile named {@code quire}, so
 * {@code AWS_SHARED_CREDENTIALS_FILE=<data-dir>/credentials aws --profile quire …} just works.
 */
final class RootKeyFiles {
    static final String FILE_NAME = "credentials";

    private RootKeyFiles() {
    }

    static Path write(Path dataDir, RootCredentials root) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        String text = "# Quire administrator (root) keys. Keep this file private.\n"
                + "[quire]\n"
                + "aws_access_key_id = " + root.accessKeyId() + "\n"
                + "aws_secret_access_key = " + root.secretAccessKey() + "\n";
        Path tmp = Files.createTempFile(dataDir, ".credentials", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
