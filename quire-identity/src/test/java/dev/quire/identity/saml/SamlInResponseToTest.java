package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.assertion;
import static dev.quire.identity.saml.KeycloakShapedResponse.first;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What the verifier reports about InResponseTo, and the matching rule an SP applies to it. The
 * verifier itself accepts every combination (STS has no request to compare with); the web
 * experience's ACS and {@code quire login --saml --sp-initiated} judge it with {@link InResponseTo#answers}.
 */
class SamlInResponseToTest extends SamlTestSupport {

    private Document signedWith(String responseLevel, String confirmationLevel) {
        return signed(doc -> {
            if (responseLevel != null) {
                doc.getDocumentElement().setAttribute("InResponseTo", responseLevel);
            }
            if (confirmationLevel != null) {
                first(doc, "SubjectConfirmationData").setAttribute("InResponseTo", confirmationLevel);
            }
        });
    }

    private Document signed(Consumer<Document> edit) {
        Document doc = response.build();
        edit.accept(doc);
        TestSigner.IDP.sign(assertion(doc));
        TestSigner.IDP.sign(doc.getDocumentElement());
        return doc;
    }

    @Test
    void anIdpInitiatedResponseIsUnsolicitedAndAnswersNoRequest() throws Exception {
        InResponseTo irt = verify(signedWith(null, null)).inResponseTo();
        assertThat(irt).isEqualTo(InResponseTo.NONE);
        assertThat(irt.unsolicited()).isTrue();
        assertThat(irt.answers("_request-1")).isFalse();
    }

    @Test
    void aResponseToARequestReportsBothLevelsAndAnswersOnlyThatRequest() throws Exception {
        InResponseTo irt = verify(signedWith("_request-1", "_request-1")).inResponseTo();
        assertThat(irt).isEqualTo(new InResponseTo("_request-1", "_request-1"));
        assertThat(irt.unsolicited()).isFalse();
        assertThat(irt.answers("_request-1")).isTrue();
        assertThat(irt.answers("_request-2")).isFalse();
        assertThat(irt.answers(null)).isFalse();
    }

    @Test
    void oneLevelAloneIsEnoughToNameTheRequest() throws Exception {
        assertThat(verifyFresh(signedWith(null, "_request-1")).inResponseTo().answers("_request-1")).isTrue();
        assertThat(verifyFresh(signedWith("_request-1", null)).inResponseTo().answers("_request-1")).isTrue();
    }

    @Test
    void levelsThatNameDifferentRequestsAnswerNeither() throws Exception {
        InResponseTo irt = verify(signedWith("_request-1", "_request-2")).inResponseTo();
        assertThat(irt.consistent()).isFalse();
        assertThat(irt.answers("_request-1")).isFalse();
        assertThat(irt.answers("_request-2")).isFalse();
    }

    /** Keycloak can sign only the assertion: then the Response attribute is whatever the carrier wrote. */
    @Test
    void theSignedConfirmationValueIsTheRequestEvenWhenTheUnsignedResponseSaysOtherwise() throws Exception {
        Document doc = response.build();
        first(doc, "SubjectConfirmationData").setAttribute("InResponseTo", "_victims-request");
        TestSigner.IDP.sign(assertion(doc));
        doc.getDocumentElement().setAttribute("InResponseTo", "_attackers-request"); // after signing: unsigned
        InResponseTo irt = verify(doc).inResponseTo();
        assertThat(irt.requestId()).isEqualTo("_victims-request");
        assertThat(irt.answers("_attackers-request")).isFalse();
    }

    @Test
    void readingWithoutVerifyingGivesWhatTheVerifierReports() throws Exception {
        Document doc = signedWith("_request-1", "_request-1");
        assertThat(InResponseTo.read(KeycloakShapedResponse.encode(doc))).isEqualTo(verify(doc).inResponseTo());
        assertThat(InResponseTo.read(KeycloakShapedResponse.encode(signedWith(null, null)))).isEqualTo(InResponseTo.NONE);
    }

    @Test
    void readingRefusesAResponseWithASecondAssertion() {
        Document doc = signedWith("_request-1", "_request-1");
        doc.getDocumentElement().appendChild(assertion(doc).cloneNode(true));
        assertThatThrownBy(() -> InResponseTo.read(KeycloakShapedResponse.encode(doc)))
                .isInstanceOf(SamlException.class).hasMessageContaining("exactly one Assertion");
    }
}
