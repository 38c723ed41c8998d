package dev.quire.cli.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Replaces one profile's section of the AWS shared credentials file, leaving the others as they were. */
public final class SharedCredentialsFile {
    private SharedCredentialsFile() {
    }

    /** Where the AWS CLI and SDKs look: $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
    public static Path location() {
        String fromSystem = System.getProperty("aws.sharedCredentialsFile");
        String fromEnv = System.getenv("AWS_SHARED_CREDENTIALS_FILE");
        String chosen = fromSystem != null ? fromSystem : fromEnv;
        return chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".aws", "credentials");
    }

    public static void write(Path file, String profile, String accessKeyId, String secretAccessKey, String sessionToken)
            throws IOException {
        if (!profile.matches("[\\w.+@-]+")) {
            throw new IllegalArgumentException("Not a usable profile name: '" + profile + "'");
        }
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            boolean inOurs = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("[") && t.endsWith("]")) {
                    inOurs = t.substring(1, t.length() - 1).strip().equals(profile);
                }
                if (!inOurs) {
                    kept.add(line);
                }
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty()) {
            kept.add("");
        }
        kept.add("[" + profile + "]");
        kept.add("aws_access_key_id = " + accessKeyId);
        kept.add("aws_secret_access_key = " + secretAccessKey);
        kept.add("aws_session_token = " + sessionToken);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the platform's defaults apply
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }
}
