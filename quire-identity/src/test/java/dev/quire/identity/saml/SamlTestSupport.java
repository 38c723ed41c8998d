package dev.quire.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.w3c.dom.Document;

/** Shared fixtures: a verifier at a fixed instant trusting {@link TestSigner#IDP} for the Keycloak realm. */
abstract class SamlTestSupport {
    static final String QUIRE_SP_ENTITY_ID = "https://quire.example.com/saml/sp";

    final Clock clock = Clock.fixed(KeycloakShapedResponse.NOW, ZoneOffset.UTC);
    final InMemoryAssertionReplayCache replay = new InMemoryAssertionReplayCache(clock, 10_000);
    final SamlResponseVerifier verifier = new SamlResponseVerifier(clock,
            Set.of("urn:amazon:webservices", QUIRE_SP_ENTITY_ID), replay);
    final SamlProviderMetadata provider = providerTrusting(TestSigner.IDP);
    final KeycloakShapedResponse response = new KeycloakShapedResponse();

    static SamlProviderMetadata providerTrusting(TestSigner signer) {
        try {
            return SamlProviderMetadata.parse(
                    KeycloakShapedResponse.metadataXml(KeycloakShapedResponse.ENTITY_ID, "signing", signer));
        } catch (SamlException e) {
            throw new IllegalStateException(e);
        }
    }

    VerifiedSamlAssertion verify(Document doc) throws SamlException {
        return verifier.verify(KeycloakShapedResponse.encode(doc), provider);
    }

    /** Verifies with a fresh replay cache, so a control and its attack can reuse one assertion ID. */
    VerifiedSamlAssertion verifyFresh(Document doc) throws SamlException {
        return new SamlResponseVerifier(clock, Set.of("urn:amazon:webservices"),
                new InMemoryAssertionReplayCache(clock, 10)).verify(KeycloakShapedResponse.encode(doc), provider);
    }

    void assertRejected(Document doc, SamlException.Code code, String reason) {
        assertRejected(KeycloakShapedResponse.encode(doc), code, reason);
    }

    void assertRejected(String base64, SamlException.Code code, String reason) {
        SamlException e = catchThrowableOfType(SamlException.class, () -> verifier.verify(base64, provider));
        assertThat(e).as("expected a rejection containing '%s'", reason).isNotNull();
        assertThat(e.getMessage()).contains(reason);
        assertThat(e.code()).isEqualTo(code);
    }

    static final SamlException.Code INVALID = SamlException.Code.INVALID_IDENTITY_TOKEN;
    static final SamlException.Code EXPIRED = SamlException.Code.EXPIRED_TOKEN;
}
