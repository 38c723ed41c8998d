package dev.quire.cli.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * What the demo decided and {@code quire chat} needs to find again: the OIDC client secret
 * (generated once), the issuer, the application id and the web-experience role. Kept in
 * {@code <data-dir>/demo.properties} (0600) because it holds the client secret.
 */
public final class DemoSettings {
    public static final String FILE = "demo.properties";
    public static final String CLIENT_ID = "quire-demo";

    private final Path file;
    private final Properties values;

    private DemoSettings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static DemoSettings loadOrCreate(Path dataDir, SecureRandom random) {
        DemoSettings s = read(dataDir.resolve(FILE));
        if (s.get("clientSecret") == null) {
            s.values.setProperty("clientId", CLIENT_ID);
            s.values.setProperty("clientSecret", DemoUsers.password(random) + DemoUsers.password(random));
            s.save();
        }
        return s;
    }

    /** The settings of a demo that ran in {@code dataDir}; empty values when it never did. */
    public static DemoSettings load(Path dataDir) {
        return read(dataDir.resolve(FILE));
    }

    private static DemoSettings read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try {
                p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new DemoSettings(file, p);
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    public String clientId() {
        return values.getProperty("clientId", CLIENT_ID);
    }

    public String clientSecret() {
        return get("clientSecret");
    }

    public String issuer() {
        return get("issuer");
    }

    public String applicationId() {
        return get("applicationId");
    }

    public String roleArn() {
        return get("roleArn");
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
    }

    public void save() {
        StringWriter w = new StringWriter();
        try {
            values.store(w, "Quire demo: development IdP client and the demo application (do not share)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoUsers.DemoFiles.writePrivate(file, w.toString());
    }
}
