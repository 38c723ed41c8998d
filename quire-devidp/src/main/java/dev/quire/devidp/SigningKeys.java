package dev.quire.devidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The IdP's one RSA 2048 signing key and its self-signed certificate, used for ID tokens (JWKS) and
 * SAML signatures (metadata). Kept as two PEM files in a caller-given directory so a demo restart
 * keeps the JWKS and SAML metadata stable; without a directory a fresh pair is made per start.
 */
final class SigningKeys {
    static final String KEY_FILE = "devidp-signing-key.pem";
    static final String CERT_FILE = "devidp-signing-cert.pem";
    private static final String SUBJECT = "Quire Development IdP - NOT FOR PRODUCTION";

    final RSAPrivateCrtKey privateKey;
    final X509Certificate certificate;
    final RSAKey jwk;

    private SigningKeys(RSAPrivateCrtKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        try {
            RSAKey withoutKid = new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey()).build();
            this.jwk = new RSAKey.Builder((RSAPublicKey) certificate.getPublicKey())
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(withoutKid.computeThumbprint().toString())
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                    .build();
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot describe the signing key as a JWK", e);
        }
    }

    /** Loads the pair from {@code directory}, or makes and saves one there; {@code null} means ephemeral. */
    static SigningKeys loadOrCreate(Path directory, Instant now) {
        try {
            if (directory == null) {
                return generate(now);
            }
            Path keyFile = directory.resolve(KEY_FILE);
            Path certFile = directory.resolve(CERT_FILE);
            boolean hasKey = Files.exists(keyFile);
            if (hasKey != Files.exists(certFile)) {
                throw new IllegalStateException("found only one of " + KEY_FILE + " and " + CERT_FILE + " in " + directory
                        + "; delete it to let the development IdP make a new pair");
            }
            if (hasKey) {
                return load(keyFile, certFile);
            }
            SigningKeys created = generate(now);
            Files.createDirectories(directory);
            writeAtomically(certFile, pem("CERTIFICATE", created.certificate.getEncoded()), false);
            writeAtomically(keyFile, pem("PRIVATE KEY", created.privateKey.getEncoded()), true);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the development IdP keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or make the development IdP keys", e);
        }
    }

    private static SigningKeys generate(Instant now) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = SelfSignedCertificate.create(pair, SUBJECT,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        return new SigningKeys((RSAPrivateCrtKey) pair.getPrivate(), certificate);
    }

    private static SigningKeys load(Path keyFile, Path certFile) throws IOException, GeneralSecurityException {
        byte[] keyDer = unpem(Files.readString(keyFile), "PRIVATE KEY");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(keyDer));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(unpem(Files.readString(certFile), "CERTIFICATE")));
        if (!((RSAPublicKey) certificate.getPublicKey()).getModulus().equals(key.getModulus())) {
            throw new IllegalStateException(certFile + " does not belong to " + keyFile);
        }
        return new SigningKeys(key, certificate);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("not a PEM " + type);
        }
        return java.util.Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** Writes through a temporary file so a crash never leaves half a key; the key is owner-only where POSIX allows. */
    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".devidp", ".tmp");
        try {
            if (secret && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
