package dev.quire.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The seed's people, with passwords generated on the first run and kept in
 * {@code <data-dir>/demo-users.txt} (mode 0600) so every later run, and {@code quire chat}, uses
 * the same ones. One line per user: {@code username email password display name}.
 */
public final class DemoUsers {
    public static final String FILE = "demo-users.txt";
    public static final String CORE_TEAM = "core-team";

    /** One person of the demo. */
    public record DemoUser(String username, String email, String password, String displayName, boolean coreTeam) {
        @Override
        public String toString() {
            return "DemoUser[" + username + "]";
        }
    }

    private record Seed(String username, String email, String displayName, boolean coreTeam) {
    }

    private static final List<Seed> SEED = List.of(
            new Seed("mary", "mary.major@example.com", "Mary Major", true),
            new Seed("mateo", "mateo.jackson@example.com", "Mateo Jackson", false),
            new Seed("martha", "martha.rivera@example.com", "Martha Rivera", true),
            new Seed("john", "john.doe@example.com", "John Doe", true));

    private final List<DemoUser> users;

    private DemoUsers(List<DemoUser> users) {
        this.users = List.copyOf(users);
    }

    public List<DemoUser> all() {
        return users;
    }

    public Optional<DemoUser> find(String username) {
        return users.stream().filter(u -> u.username().equalsIgnoreCase(username)
                || u.email().equalsIgnoreCase(username)).findFirst();
    }

    /** Reads the file, or generates the passwords and writes it (0600) when it does not exist yet. */
    public static DemoUsers loadOrCreate(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return load(dataDir);
        }
        List<DemoUser> users = new ArrayList<>();
        for (Seed s : SEED) {
            users.add(new DemoUser(s.username(), s.email(), password(random), s.displayName(), s.coreTeam()));
        }
        StringBuilder text = new StringBuilder("# Quire demo users (development IdP only). username email password name\n");
        users.forEach(u -> text.append(u.username()).append(' ').append(u.email()).append(' ')
                .append(u.password()).append(' ').append(u.displayName()).append('\n'));
        DemoFiles.writePrivate(file, text.toString());
        return new DemoUsers(users);
    }

    /** Reads an existing file; fails with a hint when the demo never ran in {@code dataDir}. */
    public static DemoUsers load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No demo users in " + file.toAbsolutePath()
                    + ": run './quire demo' first (or pass --data-dir, or --password).");
        }
        try {
            List<DemoUser> users = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.strip().split(" ", 4);
                if (f.length < 4) {
                    throw new IllegalStateException("Malformed line in " + file + ": expected 'username email password name'");
                }
                boolean core = SEED.stream().anyMatch(s -> s.username().equals(f[0]) && s.coreTeam());
                users.add(new DemoUser(f[0], f[1], f[2], f[3], core));
            }
            return new DemoUsers(users);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String password(SecureRandom random) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Keeps file permissions simple across the demo's files. */
    static final class DemoFiles {
        private DemoFiles() {
        }

        static void writePrivate(Path file, String text) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data dir's own permissions are all there is
                }
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }
}
