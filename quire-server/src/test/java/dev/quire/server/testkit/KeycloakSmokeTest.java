package dev.quire.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Proves the test realm and the test kit against the real Keycloak of {@code scripts/keycloak.sh}. */
class KeycloakSmokeTest {
    private static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String AWS_ATTR = "https://aws.amazon.com/SAML/Attributes/";

    private static KeycloakTestServer keycloak;

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakTestServer.shared();
    }

    @Test
    void passwordGrantIdTokenCarriesAwsSessionTagAndGroups() throws Exception {
        JsonNode claims = JwtClaims.decodeJwtClaims(
                keycloak.passwordGrant("mary", KeycloakTestServer.PASSWORD).idToken());

        assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuerUrl());
        assertThat(claims.get("aud").asText()).isEqualTo(keycloak.oidcClientId());
        assertThat(claims.get("https://aws.amazon.com/tags")).isEqualTo(new ObjectMapper().readTree(
                "{\"principal_tags\":{\"Email\":[\"mary.major@example.com\"]}}"));
        assertThat(claims.get("groups")).hasSize(1);
        assertThat(claims.get("groups").get(0).asText()).isEqualTo("core-team");
        assertThat(claims.get("email_verified").asBoolean()).isTrue();
    }

    @Test
    void userWithoutGroupGetsNoGroupsClaim() {
        JsonNode claims = JwtClaims.decodeJwtClaims(
                keycloak.passwordGrant("mateo", KeycloakTestServer.PASSWORD).idToken());

        assertThat(claims.get("email").asText()).isEqualTo("mateo.jackson@example.com");
        assertThat(claims.has("groups")).isFalse();
    }

    @Test
    void authorizationCodeLoginWithPkceYieldsIdTokenWithNonce() {
        String redirectUri = "http://127.0.0.1:9/callback";
        String verifier = Pkce.newVerifier();
        String nonce = UUID.randomUUID().toString();

        String code = keycloak.authorizationCodeLogin("martha", KeycloakTestServer.PASSWORD, redirectUri,
                "state-1", nonce, Pkce.s256Challenge(verifier));
        TokenResponse tokens = keycloak.exchangeCode(code, redirectUri, verifier);

        JsonNode claims = JwtClaims.decodeJwtClaims(tokens.idToken());
        assertThat(claims.get("nonce").asText()).isEqualTo(nonce);
        assertThat(claims.get("email").asText()).isEqualTo("martha.rivera@example.com");
        assertThat(JwtClaims.decodeJwtHeader(tokens.idToken()).get("alg").asText()).isEqualTo("RS256");
        assertThat(keycloak.jwksJson()).contains(JwtClaims.decodeJwtHeader(tokens.idToken()).get("kid").asText());
    }

    @Test
    void samlLoginReturnsAwsStyleAssertionForTheRequestedAcs() throws Exception {
        String acsUrl = "http://127.0.0.1:8123/saml";

        String samlResponse = keycloak.samlLogin("mary", KeycloakTestServer.PASSWORD, acsUrl);
        Document xml = parse(new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8));

        assertThat(attributeValues(xml, AWS_ATTR + "Role"))
                .containsExactly(KeycloakTestServer.SAML_ROLE_ATTRIBUTE_VALUE);
        assertThat(attributeValues(xml, AWS_ATTR + "PrincipalTag:Email")).containsExactly("mary.major@example.com");
        assertThat(attributeValues(xml, AWS_ATTR + "RoleSessionName")).containsExactly("mary.major@example.com");
        assertThat(xml.getElementsByTagNameNS(SAML_NS, "Audience").item(0).getTextContent())
                .isEqualTo(KeycloakTestServer.SAML_ENTITY_ID);
        Element confirmation = (Element) xml.getElementsByTagNameNS(SAML_NS, "SubjectConfirmationData").item(0);
        assertThat(confirmation.getAttribute("Recipient")).isEqualTo(acsUrl);
        assertThat(xml.getDocumentElement().getAttribute("Destination")).isEqualTo(acsUrl);
        // both Response and Assertion are signed
        assertThat(xml.getElementsByTagNameNS(DSIG_NS, "Signature").getLength()).isEqualTo(2);
    }

    @Test
    void wrongPasswordIsRefusedByBothFlows() {
        assertThatThrownBy(() -> keycloak.passwordGrant("mary", "wrong"))
                .hasMessageContaining("HTTP 401");
        assertThatThrownBy(() -> keycloak.authorizationCodeLogin("mary", "wrong",
                "http://127.0.0.1:9/callback", "state-2", null, null))
                .hasMessageContaining("did not redirect").hasMessageContaining("Invalid username or password");
    }

    @Test
    void samlAcsOutsideTheClientRedirectUrisIsRefused() {
        assertThatThrownBy(() -> keycloak.samlLogin("mary", KeycloakTestServer.PASSWORD,
                "http://attacker.example/saml"))
                .hasMessageContaining("HTTP 400").hasMessageContaining("Invalid redirect uri");
    }

    @Test
    void samlMetadataHasSigningCertificateAndRealmEntityId() throws Exception {
        Document metadata = parse(keycloak.samlMetadataXml());

        assertThat(metadata.getDocumentElement().getAttribute("entityID")).isEqualTo(keycloak.issuerUrl());
        NodeList keyDescriptors = metadata.getElementsByTagNameNS(MD_NS, "KeyDescriptor");
        boolean signingCertificate = false;
        for (int i = 0; i < keyDescriptors.getLength(); i++) {
            Element descriptor = (Element) keyDescriptors.item(i);
            String use = descriptor.getAttribute("use");
            NodeList certificates = descriptor.getElementsByTagNameNS(DSIG_NS, "X509Certificate");
            signingCertificate |= (use.isEmpty() || use.equals("signing")) && certificates.getLength() > 0
                    && !certificates.item(0).getTextContent().isBlank();
        }
        assertThat(signingCertificate).isTrue();
    }

    private static List<String> attributeValues(Document xml, String name) {
        List<String> values = new ArrayList<>();
        NodeList attributes = xml.getElementsByTagNameNS(SAML_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (attribute.getAttribute("Name").equals(name)) {
                NodeList items = attribute.getElementsByTagNameNS(SAML_NS, "AttributeValue");
                for (int j = 0; j < items.getLength(); j++) {
                    values.add(items.item(j).getTextContent());
                }
            }
        }
        return values;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
