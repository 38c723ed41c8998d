package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.NOW;
import static dev.quire.identity.saml.KeycloakShapedResponse.assertion;
import static dev.quire.identity.saml.KeycloakShapedResponse.first;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Smaller structural rules; the control for all of them is an unmodified signed response. */
class SamlStructureTest extends SamlTestSupport {

    /** Builds, applies {@code edit}, then signs Assertion and Response (so only the edit's rule can fail). */
    private Document edited(Consumer<Document> edit) {
        Document doc = response.build();
        edit.accept(doc);
        TestSigner.IDP.sign(assertion(doc));
        TestSigner.IDP.sign(doc.getDocumentElement());
        return doc;
    }

    @Test
    void controlIsAccepted() throws Exception {
        assertThat(verify(edited(doc -> { })).nameId()).isEqualTo("mary@example.com");
    }

    @Test
    void rejectsWrongVersions() {
        assertRejected(edited(doc -> doc.getDocumentElement().setAttribute("Version", "1.1")), INVALID, "Response Version must be 2.0");
        assertRejected(edited(doc -> assertion(doc).setAttribute("Version", "1.1")), INVALID, "Assertion Version must be 2.0");
    }

    @Test
    void rejectsIssuerWithANonEntityFormat() {
        assertRejected(edited(doc -> first(doc, "Issuer").setAttribute("Format",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")), INVALID, "Issuer Format must be entity");
    }

    @Test
    void acceptsIssuerWithTheEntityFormat() throws Exception {
        assertThat(verify(edited(doc -> first(doc, "Issuer").setAttribute("Format", SamlNames.ENTITY_FORMAT))).issuer())
                .isEqualTo(KeycloakShapedResponse.ENTITY_ID);
    }

    @Test
    void rejectsIdsWithWhitespace() {
        response.assertionId = " ID_padded";
        assertRejected(edited(doc -> { }), INVALID, "Assertion ID must not contain whitespace");
    }

    @Test
    void rejectsAssertionWithoutId() {
        Document doc = response.build();
        assertion(doc).removeAttribute("ID");
        assertRejected(doc, INVALID, "missing ID on Assertion");
    }

    @Test
    void rejectsEncryptedNameId() {
        assertRejected(edited(doc -> first(doc, "Subject").appendChild(
                doc.createElementNS(SamlNames.ASSERTION_NS, "saml:EncryptedID"))), INVALID, "encrypted NameID is not supported");
    }

    @Test
    void rejectsSubjectConfirmationThatIsNotBearer() {
        assertRejected(edited(doc -> first(doc, "SubjectConfirmation").setAttribute("Method",
                "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key")), INVALID, "exactly one bearer SubjectConfirmation");
    }

    @Test
    void rejectsSubjectConfirmationDataWithoutNotOnOrAfter() {
        assertRejected(edited(doc -> first(doc, "SubjectConfirmationData").removeAttribute("NotOnOrAfter")),
                INVALID, "missing NotOnOrAfter on SubjectConfirmationData");
    }

    @Test
    void rejectsSubjectConfirmationDataNotYetValid() {
        assertRejected(edited(doc -> first(doc, "SubjectConfirmationData").setAttribute("NotBefore",
                NOW.plusSeconds(120).toString())), EXPIRED, "SubjectConfirmationData NotBefore is in the future");
    }

    @Test
    void rejectsTimesWithoutAZone() {
        assertRejected(edited(doc -> first(doc, "Conditions").setAttribute("NotOnOrAfter", "2026-11-27T12:05:00")),
                INVALID, "bad NotOnOrAfter on Conditions");
    }

    @Test
    void rejectsConditionsWithoutAudienceRestriction() {
        assertRejected(edited(doc -> first(doc, "Conditions").removeChild(first(doc, "AudienceRestriction"))),
                INVALID, "missing AudienceRestriction");
    }

    @Test
    void everyAudienceRestrictionMustBeSatisfied() {
        assertRejected(edited(doc -> {
            Element restriction = doc.createElementNS(SamlNames.ASSERTION_NS, "saml:AudienceRestriction");
            restriction.appendChild(doc.createElementNS(SamlNames.ASSERTION_NS, "saml:Audience")).setTextContent("https://elsewhere.example");
            first(doc, "Conditions").appendChild(restriction);
        }), INVALID, "Audience is not accepted");
    }

    @Test
    void rejectsEmptyAndOversizedBase64BeforeDecoding() {
        assertRejected("", INVALID, "empty SAMLResponse");
        assertRejected("A".repeat(SamlResponseVerifier.MAX_RESPONSE_BYTES * 2 + 4), INVALID, "SAMLResponse too large");
    }

    @Test
    void rejectsOversizedMetadata() {
        String huge = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><!--"
                + "x".repeat(SamlProviderMetadata.MAX_METADATA_BYTES) + "--></md:EntityDescriptor>";
        assertThatThrownBy(() -> SamlProviderMetadata.parse(huge)).hasMessageContaining("too large");
    }
}
