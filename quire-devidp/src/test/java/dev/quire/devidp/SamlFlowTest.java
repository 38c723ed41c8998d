package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SamlFlowTest {
    private static DevIdp idp;
    private static X509Certificate metadataCert;
    private final TestIdp.Browser browser = new TestIdp.Browser();

    @BeforeAll
    static void start() throws Exception {
        idp = TestIdp.start();
        metadataCert = SamlTestVerifier.metadataCertificate(new TestIdp.Browser().get(idp.samlMetadataUrl()).body());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @Test
    void metadataNamesTheIssuerAsEntityIdAndTheRedirectSsoLocation() throws Exception {
        HttpResponse<String> response = browser.get(idp.samlMetadataUrl());
        Document doc = SamlTestVerifier.parse(response.body());
        Element sso = (Element) doc.getElementsByTagNameNS(Xml.MD, "SingleSignOnService").item(0);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(doc.getDocumentElement().getAttribute("entityID")).isEqualTo(idp.issuer());
        assertThat(sso.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
        assertThat(sso.getAttribute("Location")).isEqualTo(idp.samlSsoUrl());
        assertThat(metadataCert).isEqualTo(idp.signingCertificate());
        assertThat(response.body()).isEqualTo(idp.samlMetadataXml());
    }

    @Test
    void spInitiatedLoginPostsAResponseWhoseTwoSignaturesValidateAgainstTheMetadataCertificate() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> loginPage = browser.get(idp.samlSsoUrl() + "?SAMLRequest="
                + Exchange.encode(redirectBinding(authnRequest("_req-42", TestIdp.ACS))) + "&RelayState=" + Exchange.encode("rs\"<1>"));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("dev-banner");

        HttpResponse<String> posted = browser.submit(loginPage, "devidp-login",
                Map.of("username", TestIdp.USER, "password", TestIdp.PASSWORD));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("dev-banner");
        TestIdp.Form form = TestIdp.Form.parse(posted.body(), "devidp-post");
        assertThat(form.action()).isEqualTo(TestIdp.ACS);
        assertThat(form.fields().get("RelayState")).isEqualTo("rs\"<1>");

        Document doc = SamlTestVerifier.parse(new String(Base64.getDecoder().decode(form.fields().get("SAMLResponse")),
                StandardCharsets.UTF_8));
        Element response = doc.getDocumentElement();
        Element assertion = SamlTestVerifier.child(response, "Assertion");
        assertThat(SamlTestVerifier.elementChildren(response).stream().map(Element::getLocalName))
                .containsExactly("Issuer", "Signature", "Status", "Assertion");
        assertThat(SamlTestVerifier.elementChildren(assertion).stream().map(Element::getLocalName))
                .containsExactly("Issuer", "Signature", "Subject", "Conditions", "AuthnStatement", "AttributeStatement");
        SamlTestVerifier.assertSignedBy(assertion, metadataCert);
        SamlTestVerifier.assertSignedBy(response, metadataCert);

        assertThat(response.getAttribute("InResponseTo")).isEqualTo("_req-42");
        assertThat(response.getAttribute("Destination")).isEqualTo(TestIdp.ACS);
        assertThat(SamlTestVerifier.child(assertion, "Issuer").getTextContent()).isEqualTo(idp.samlEntityId());
        Element subject = SamlTestVerifier.child(assertion, "Subject");
        Element nameId = SamlTestVerifier.child(subject, "NameID");
        assertThat(nameId.getTextContent()).isEqualTo(TestIdp.EMAIL);
        assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        Element confirmation = SamlTestVerifier.child(subject, "SubjectConfirmation");
        assertThat(confirmation.getAttribute("Method")).isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = SamlTestVerifier.child(confirmation, "SubjectConfirmationData");
        assertThat(data.getAttribute("Recipient")).isEqualTo(TestIdp.ACS);
        Instant notOnOrAfter = Instant.parse(data.getAttribute("NotOnOrAfter"));
        assertThat(notOnOrAfter).isAfter(before).isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(5)));
        Element conditions = SamlTestVerifier.child(assertion, "Conditions");
        assertThat(Instant.parse(conditions.getAttribute("NotOnOrAfter"))).isEqualTo(notOnOrAfter);
        assertThat(conditions.getElementsByTagNameNS(Xml.SAML, "Audience").item(0).getTextContent())
                .isEqualTo("urn:amazon:webservices");
        assertThat(attributes(assertion)).containsExactly(
                Map.entry("https://aws.amazon.com/SAML/Attributes/Role", List.of(TestIdp.ROLE_VALUE)),
                Map.entry("https://aws.amazon.com/SAML/Attributes/RoleSessionName", List.of(TestIdp.EMAIL)),
                Map.entry("https://aws.amazon.com/SAML/Attributes/PrincipalTag:Email", List.of(TestIdp.EMAIL)));
    }

    @Test
    void aTamperedAssertionNoLongerValidates() throws Exception {
        Document doc = SamlTestVerifier.parse(decode(idp.samlResponseFor(TestIdp.USER, TestIdp.SP, TestIdp.ACS)));
        Element assertion = SamlTestVerifier.child(doc.getDocumentElement(), "Assertion");
        assertion.getElementsByTagNameNS(Xml.SAML, "NameID").item(0).setTextContent("eve@example.com");
        assertThatThrownBy(() -> SamlTestVerifier.assertSignedBy(assertion, metadataCert))
                .hasMessageContaining("signature value");
    }

    @Test
    void acsOutsideTheAllowedPatternsIsRefused() throws Exception {
        for (String acs : new String[] {"http://evil.example/saml", "http://localhost:8001/saml", "http://localhost:8000/saml2"}) {
            HttpResponse<String> response = browser.get(idp.samlSsoUrl() + "?SAMLRequest="
                    + Exchange.encode(redirectBinding(authnRequest("_r", acs))));
            assertThat(response.statusCode()).as(acs).isEqualTo(400);
            assertThat(response.body()).as(acs).doesNotContain("devidp-login").contains("dev-banner");
        }
        HttpResponse<String> idpInit = browser.get(idp.samlIdpInitiatedUrl(TestIdp.SP, "http://evil.example/saml"));
        assertThat(idpInit.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownServiceProviderIsRefused() throws Exception {
        String request = authnRequest("_r", TestIdp.ACS).replace(TestIdp.SP, "urn:someone:else");
        assertThat(browser.get(idp.samlSsoUrl() + "?SAMLRequest=" + Exchange.encode(redirectBinding(request))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void idpInitiatedLoginToAWildcardAcsPostsThere() throws Exception {
        String acs = "http://127.0.0.1:8443/qbusiness/web/saml";
        HttpResponse<String> page = browser.get(idp.samlIdpInitiatedUrl(TestIdp.SP, acs));
        HttpResponse<String> posted = browser.submit(page, "devidp-login",
                Map.of("username", TestIdp.USER, "password", TestIdp.PASSWORD));
        TestIdp.Form form = TestIdp.Form.parse(posted.body(), "devidp-post");
        assertThat(form.action()).isEqualTo(acs);
        Document doc = SamlTestVerifier.parse(decode(form.fields().get("SAMLResponse")));
        Element response = doc.getDocumentElement();
        assertThat(response.hasAttribute("InResponseTo")).isFalse();
        SamlTestVerifier.assertSignedBy(SamlTestVerifier.child(response, "Assertion"), metadataCert);
        SamlTestVerifier.assertSignedBy(response, metadataCert);
        assertThat(doc.getElementsByTagNameNS(Xml.SAML, "SubjectConfirmationData").item(0)
                .getAttributes().getNamedItem("Recipient").getNodeValue()).isEqualTo(acs);
    }

    @Test
    void aDoctypeInTheAuthnRequestIsRefused() throws Exception {
        String request = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + authnRequest("_r", TestIdp.ACS);
        assertThat(browser.get(idp.samlSsoUrl() + "?SAMLRequest=" + Exchange.encode(redirectBinding(request))).statusCode())
                .isEqualTo(400);
    }

    static String authnRequest(String id, String acs) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " AssertionConsumerServiceURL=\"" + acs + "\"><saml:Issuer>" + TestIdp.SP + "</saml:Issuer></samlp:AuthnRequest>";
    }

    /** Raw DEFLATE (nowrap) then base64, as the HTTP-Redirect binding prescribes. */
    static String redirectBinding(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String decode(String samlResponse) {
        return new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        NodeList attributes = assertion.getElementsByTagNameNS(Xml.SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            NodeList values = attribute.getElementsByTagNameNS(Xml.SAML, "AttributeValue");
            List<String> texts = new java.util.ArrayList<>();
            for (int j = 0; j < values.getLength(); j++) {
                texts.add(values.item(j).getTextContent());
            }
            out.put(attribute.getAttribute("Name"), texts);
        }
        return out;
    }
}
