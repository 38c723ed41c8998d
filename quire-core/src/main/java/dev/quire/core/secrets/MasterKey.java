package dev.quire.core.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secret values at rest. From {@code QUIRE_MASTER_KEY} (base64 of
 * 32 bytes) when set, else from {@code <data-dir>/master.key}, which is created once with owner-only
 * permissions. Neither the key nor its encoding ever appears in a message or {@link #toString}.
 */
public final class MasterKey {
    public static final String ENVIRONMENT_VARIABLE = "QUIRE_MASTER_KEY";
    public static final String FILE_NAME = "master.key";
    static final int KEY_BYTES = 32;
    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final String source;

    private MasterKey(byte[] raw, String source) {
        this.key = new SecretKeySpec(raw, "AES");
        this.source = source;
    }

    /**
     * @param fromEnvironment the value of {@value #ENVIRONMENT_VARIABLE}, or null/blank when unset
     * @param dataDir where {@value #FILE_NAME} lives (or is created) when the variable is unset
     */
    public static MasterKey load(String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new MasterKey(decode(fromEnvironment.trim(), ENVIRONMENT_VARIABLE), ENVIRONMENT_VARIABLE);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfReadableByOthers(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return new MasterKey(decode(text, file.toString()), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file + ": "
                    + e.getClass().getSimpleName() + ". Fix its permissions or set " + ENVIRONMENT_VARIABLE + ".", e);
        }
    }

    /** A key from raw bytes (tests, tools). */
    public static MasterKey of(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes");
        }
        return new MasterKey(raw.clone(), "bytes");
    }

    /** Where the key came from: the variable's name or the file's path (never the key). */
    public String source() {
        return source;
    }

    SecretKey secretKey() {
        return key;
    }

    private static byte[] decode(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + where + " is not valid base64.");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException("The master key in " + where + " must be base64 of exactly "
                    + KEY_BYTES + " bytes.");
        }
        return raw;
    }

    /** Writes a fresh key to a private temporary file, then moves it into place unless another process won. */
    private static void create(Path file) throws IOException {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        byte[] text = (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = posix()
                ? Files.createTempFile(dir, ".master", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".master", ".tmp");
        try {
            Files.write(tmp, text);
            Files.move(tmp, file);
            LOG.info("Created a new master key in " + file);
        } catch (FileAlreadyExistsException e) {
            // Another node sharing the data dir created it first: use theirs.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warning("The master key file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); restrict it with chmod 600.");
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "MasterKey[" + source + ", redacted]";
    }
}
