package dev.quire.devidp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes a self-signed X.509 v3 certificate (SHA256withRSA, no extensions) with plain JDK APIs.
 *
 * <p>Why by hand: the JDK has no public certificate builder ({@code sun.security.x509} is closed on
 * Java 17), spawning {@code keytool} needs a full JDK on the PATH, and Bouncy Castle would be a
 * 10 MB dependency for ~60 lines of DER. The encoding follows RFC 5280 §4.1; the JDK's own
 * {@link CertificateFactory} parses the result back, so a mistake fails loudly at once.
 */
final class SelfSignedCertificate {
    private static final String SHA256_WITH_RSA_OID = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME_OID = "2.5.4.3";

    private SelfSignedCertificate() {
    }

    static X509Certificate create(KeyPair keys, String commonName, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        byte[] algorithm = seq(oid(SHA256_WITH_RSA_OID), new byte[] {0x05, 0x00});
        byte[] name = seq(set(seq(oid(COMMON_NAME_OID), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = seq(
                tlv(0xA0, tlv(0x02, BigInteger.TWO.toByteArray())), // [0] EXPLICIT version v3
                tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
                algorithm,
                name,
                seq(time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded()); // already a DER SubjectPublicKeyInfo
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(keys.getPublic());
        return certificate;
    }

    /** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
    private static byte[] time(Instant instant) {
        boolean utc = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
        String text = DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(instant);
        return tlv(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g == 0 ? 0 : 0x80));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
