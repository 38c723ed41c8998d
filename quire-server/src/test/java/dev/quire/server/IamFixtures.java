package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.iam.model.IamException;

/** Documents and assertions shared by the IAM SDK tests (and by Q Business tests that need a real provider). */
public final class IamFixtures {
    static final String ACCOUNT = "123456789012";

    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/idp.example.com"},\
            "Action":"sts:AssumeRoleWithWebIdentity"}]}""";

    static String permissionPolicy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"qbusiness:ChatSync\","
                + "\"Resource\":\"arn:aws:qbusiness:us-east-1:123456789012:application/" + bucket + "\"}}";
    }

    private IamFixtures() {
    }

    /** IAM returns documents percent-encoded (RFC 3986); callers decode as against real IAM. */
    static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    /** Runs {@code call}, expects the given IAM error code and HTTP status, returns the exception. */
    static IamException iamError(String code, int status, ThrowingCallable call) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).as("expected IAM error " + code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    /** The base64 DER body of the committed self-signed test IdP certificate (made once with keytool). */
    public static String certificateBase64() {
        try (InputStream in = IamFixtures.class.getResourceAsStream("/iam/saml-idp-signing-cert.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IdP metadata with one KeyDescriptor; {@code use} may be null (meaning both uses). */
    public static String samlMetadata(String entityId, String use, String certificate, String validUntil) {
        return samlMetadata("", entityId, use, certificate, validUntil);
    }

    static String samlMetadata(String prolog, String entityId, String use, String certificate, String validUntil) {
        return prolog + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId + "\""
                + (validUntil == null ? "" : " validUntil=\"" + validUntil + "\"") + ">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor" + (use == null ? "" : " use=\"" + use + "\"") + "><ds:KeyInfo><ds:X509Data>"
                + "<ds:X509Certificate>" + certificate + "</ds:X509Certificate>"
                + "</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://idp.example.com/sso\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }
}
