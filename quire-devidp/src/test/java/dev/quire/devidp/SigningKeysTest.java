package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path dir;

    @Test
    void aFreshKeyIsRsa2048WithAValidSelfSignedCertificate() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(null, Instant.now());
        keys.certificate.checkValidity();
        keys.certificate.verify(keys.certificate.getPublicKey());
        assertThat(((RSAPublicKey) keys.certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(keys.certificate.getVersion()).isEqualTo(3);
        assertThat(keys.certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(keys.certificate.getSubjectX500Principal().getName()).contains("NOT FOR PRODUCTION");
        assertThat(keys.jwk.getKeyID()).isEqualTo(keys.jwk.computeThumbprint().toString());
    }

    @Test
    void ephemeralKeysDifferPerStart() {
        assertThat(SigningKeys.loadOrCreate(null, Instant.now()).jwk.getKeyID())
                .isNotEqualTo(SigningKeys.loadOrCreate(null, Instant.now()).jwk.getKeyID());
    }

    @Test
    void aKeyDirectoryKeepsTheSameKeyAcrossRestarts() throws Exception {
        SigningKeys first = SigningKeys.loadOrCreate(dir.resolve("keys"), Instant.now());
        SigningKeys second = SigningKeys.loadOrCreate(dir.resolve("keys"), Instant.now());

        assertThat(second.certificate).isEqualTo(first.certificate);
        assertThat(second.privateKey).isEqualTo(first.privateKey);
        assertThat(second.jwk.getKeyID()).isEqualTo(first.jwk.getKeyID());
        Path keyFile = dir.resolve("keys").resolve(SigningKeys.KEY_FILE);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void aRestartedIdpServesTheSameJwksAndMetadataCertificate() {
        DevIdp.Builder builder = DevIdp.builder().keyDirectory(dir).user("u", "p", "u@example.com", "U")
                .oidcClient("c", "s", "http://127.0.0.1/*");
        java.security.cert.X509Certificate certificate;
        String metadata;
        String kid;
        try (DevIdp idp = builder.build().start()) {
            certificate = idp.signingCertificate();
            metadata = idp.samlMetadataXml();
            kid = idTokenKid(idp);
        }
        try (DevIdp idp = builder.build().start()) {
            assertThat(idp.signingCertificate()).isEqualTo(certificate);
            assertThat(idTokenKid(idp)).isEqualTo(kid);
            assertThat(idp.samlMetadataXml()).isEqualTo(metadata.replace(String.valueOf(portOf(metadata)),
                    String.valueOf(idp.port())));
        }
    }

    private static String idTokenKid(DevIdp idp) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(idp.idTokenFor("u", "c")).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static int portOf(String metadata) {
        var m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(metadata);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aLoneKeyOrCertificateFileIsAnErrorNotSilentlyReplaced() throws Exception {
        SigningKeys.loadOrCreate(dir, Instant.now());
        Files.delete(dir.resolve(SigningKeys.CERT_FILE));
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir, Instant.now()))
                .hasMessageContaining("found only one of");
    }

    @Test
    void aCertificateOfAnotherKeyIsRefused() throws Exception {
        Path other = dir.resolve("other");
        SigningKeys.loadOrCreate(dir, Instant.now());
        SigningKeys.loadOrCreate(other, Instant.now());
        Files.copy(other.resolve(SigningKeys.CERT_FILE), dir.resolve(SigningKeys.CERT_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir, Instant.now())).hasMessageContaining("does not belong");
    }
}
