package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.NOW;
import static dev.quire.identity.saml.KeycloakShapedResponse.PROVIDER_ARN;
import static dev.quire.identity.saml.KeycloakShapedResponse.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Happy paths, claims returned, and the non-cryptographic checks (status, issuer, times, audience, replay). */
class SamlResponseVerifierTest extends SamlTestSupport {

    @Test
    void acceptsKeycloakShapedResponseSignedOnResponseAndAssertion() throws Exception {
        VerifiedSamlAssertion verified = verify(response.buildSignedTwice());

        assertThat(verified.issuer()).isEqualTo(KeycloakShapedResponse.ENTITY_ID);
        assertThat(verified.assertionId()).isEqualTo(response.assertionId);
        assertThat(verified.nameId()).isEqualTo("mary@example.com");
        assertThat(verified.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(verified.subjectType()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(verified.recipient()).isEqualTo("http://localhost:8000/saml");
        assertThat(verified.audiences()).containsExactly("urn:amazon:webservices");
        assertThat(verified.notOnOrAfter()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(verified.roles()).containsExactly(new RolePair(ROLE_ARN, PROVIDER_ARN));
        assertThat(verified.roleSessionName()).isEqualTo("mary@example.com");
        assertThat(verified.principalTags()).containsExactly(org.assertj.core.api.Assertions.entry("Email", "mary@example.com"));
        assertThat(verified.transitiveTagKeys()).isEmpty();
        assertThat(verified.sessionDurationSeconds()).isNull();
        assertThat(verified.sourceIdentity()).isNull();
        assertThat(verified.attributes()).containsKeys(AwsSamlAttributes.ROLE, AwsSamlAttributes.ROLE_SESSION_NAME);
    }

    @Test
    void acceptsResponseWhereOnlyTheAssertionIsSigned() throws Exception {
        Document doc = response.build();
        TestSigner.IDP.sign(KeycloakShapedResponse.assertion(doc));
        assertThat(verify(doc).nameId()).isEqualTo("mary@example.com");
    }

    @Test
    void acceptsResponseWhereOnlyTheResponseIsSigned() throws Exception {
        Document doc = response.build();
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertThat(verify(doc).nameId()).isEqualTo("mary@example.com");
    }

    @Test
    void nameQualifierFollowsTheAwsFormula() throws Exception {
        VerifiedSamlAssertion verified = verify(response.buildSignedTwice());
        byte[] expected = java.security.MessageDigest.getInstance("SHA-1").digest(
                (KeycloakShapedResponse.ENTITY_ID + "123456789012/keycloak").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(verified.nameQualifier("123456789012", "keycloak"))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void subjectTypeIsShortForPersistentAndTransient() throws Exception {
        Document doc = response.build();
        KeycloakShapedResponse.first(doc, "NameID").setAttribute("Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertThat(verify(doc).subjectType()).isEqualTo("persistent");
        assertThat(AssertionSubject.subjectType("urn:oasis:names:tc:SAML:2.0:nameid-format:transient")).isEqualTo("transient");
    }

    @Test
    void rejectsStatusOtherThanSuccess() throws Exception {
        Document doc = response.build();
        ((org.w3c.dom.Element) doc.getElementsByTagNameNS(SamlNames.PROTOCOL_NS, "StatusCode").item(0))
                .setAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Requester");
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertRejected(doc, INVALID, "status is not Success");
    }

    @Test
    void rejectsAssertionIssuerOtherThanTheMetadataEntityId() {
        response.issuer = "http://127.0.0.1:18080/realms/other";
        assertRejected(response.buildSignedTwice(), INVALID, "Assertion Issuer does not match");
    }

    @Test
    void rejectsResponseIssuerOtherThanTheMetadataEntityId() {
        response.responseIssuer = "http://127.0.0.1:18080/realms/other";
        assertRejected(response.buildSignedTwice(), INVALID, "Response Issuer does not match");
    }

    @Test
    void acceptsTheConfiguredQuireAudienceAsWellAsAmazons() throws Exception {
        response.audience = QUIRE_SP_ENTITY_ID;
        assertThat(verify(response.buildSignedTwice()).audiences()).containsExactly(QUIRE_SP_ENTITY_ID);
    }

    @Test
    void rejectsAudienceThatIsNeitherAmazonNorConfigured() {
        response.audience = "https://other-sp.example.com";
        assertRejected(response.buildSignedTwice(), INVALID, "Audience is not accepted");
    }

    @Test
    void rejectsMissingRecipient() {
        Document doc = response.build();
        KeycloakShapedResponse.first(doc, "SubjectConfirmationData").removeAttribute("Recipient");
        TestSigner.IDP.sign(KeycloakShapedResponse.assertion(doc));
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertRejected(doc, INVALID, "missing Recipient");
    }

    @Test
    void acceptsWithinTheSixtySecondSkew() throws Exception {
        response.notOnOrAfter = NOW.minusSeconds(59);
        response.notBefore = NOW.plusSeconds(59);
        assertThat(verify(response.buildSignedTwice()).notOnOrAfter()).isEqualTo(NOW.minusSeconds(59));
    }

    @Test
    void rejectsExpiredConditions() {
        response.notOnOrAfter = NOW.minusSeconds(61);
        assertRejected(response.buildSignedTwice(), EXPIRED, "Conditions NotOnOrAfter has passed");
    }

    @Test
    void rejectsExpiredSubjectConfirmationData() {
        response.confirmationNotOnOrAfter = NOW.minusSeconds(61);
        assertRejected(response.buildSignedTwice(), EXPIRED, "SubjectConfirmationData NotOnOrAfter has passed");
    }

    @Test
    void rejectsNotBeforeInTheFuture() {
        response.notBefore = NOW.plusSeconds(61);
        assertRejected(response.buildSignedTwice(), EXPIRED, "Conditions NotBefore is in the future");
    }

    @Test
    void rejectsReplayedAssertionButAcceptsItsFirstUse() throws Exception {
        String encoded = KeycloakShapedResponse.encode(response.buildSignedTwice());
        assertThat(verifier.verify(encoded, provider).assertionId()).isEqualTo(response.assertionId);
        assertRejected(encoded, INVALID, "assertion already used");
    }

    @Test
    void rejectedResponseDoesNotBurnTheAssertionId() throws Exception {
        response.audience = "https://other-sp.example.com";
        assertRejected(response.buildSignedTwice(), INVALID, "Audience");
        assertThat(replay.size()).isZero();
    }

    @Test
    void rejectsRootOtherThanResponse() {
        Document doc = KeycloakShapedResponse.parse("<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"x\" Version=\"2.0\"/>");
        assertRejected(doc, INVALID, "root element must be samlp:Response");
    }

    @Test
    void rejectsResponsesOverOneHundredKilobytes() {
        Document doc = response.build();
        KeycloakShapedResponse.first(doc, "AuthnStatement").setAttribute("SessionIndex", "x".repeat(101 * 1024));
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertRejected(doc, INVALID, "too large");
    }

    @Test
    void rejectsInvalidBase64() {
        assertRejected("PHNhbWxwOlJlc3BvbnNl$$$", INVALID, "not valid base64");
    }

    @Test
    void acceptsBase64WithPostBindingLineBreaks() throws Exception {
        String encoded = KeycloakShapedResponse.encode(response.buildSignedTwice()).replaceAll("(.{76})", "$1\r\n");
        assertThat(verifier.verify(encoded, provider).nameId()).isEqualTo("mary@example.com");
    }
}
