package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.assertion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Parser-level attacks (XXE, entity expansion) and comment truncation of signed values. */
class SamlXmlAttackTest extends SamlTestSupport {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String url;

    @BeforeEach
    void startEntityServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leaked 'secret'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
    }

    @AfterEach
    void stopEntityServer() {
        server.stop(0);
    }

    /** The signed Keycloak-shaped response as text, without its XML declaration so a DOCTYPE can lead. */
    private String signedXml() {
        return KeycloakShapedResponse.serialize(response.buildSignedTwice()).replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    @Test
    void rejectsExternalGeneralEntityWithoutFetchingIt() throws Exception {
        String xml = signedXml();
        assertThat(verifyFresh(KeycloakShapedResponse.parse(xml)).nameId()).isEqualTo("mary@example.com");
        String attack = "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
                + xml.replace(">mary@example.com</saml:NameID>", ">&xxe;</saml:NameID>");
        assertRejected(KeycloakShapedResponse.encode(attack), INVALID, "DOCTYPE");
        assertThat(requests).hasValue(0);
        // Control: the attack is live; a default JDK parser does fetch the entity (then chokes on its body).
        org.assertj.core.api.Assertions.catchThrowable(() -> KeycloakShapedResponse.parse(attack));
        assertThat(requests).hasValue(1);
    }

    @Test
    void rejectsExternalParameterEntityAndExternalDtdWithoutFetchingThem() {
        String parameter = "<!DOCTYPE samlp:Response [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>" + signedXml();
        String externalDtd = "<!DOCTYPE samlp:Response SYSTEM \"" + url + "\">" + signedXml();
        assertRejected(KeycloakShapedResponse.encode(parameter), INVALID, "DOCTYPE");
        assertRejected(KeycloakShapedResponse.encode(externalDtd), INVALID, "DOCTYPE");
        assertThat(requests).hasValue(0);
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String attack = dtd + signedXml().replace(">mary@example.com</saml:NameID>", ">&lol9;</saml:NameID>");
        assertRejected(KeycloakShapedResponse.encode(attack), INVALID, "DOCTYPE");
    }

    /** The IdP signed "mary@example.com&lt;!----&gt;.evil.com"; a first-text-node reader would see mary@example.com. */
    private static void splitWithComment(Element element) {
        Document doc = element.getOwnerDocument();
        String value = element.getTextContent();
        element.setTextContent(value);
        element.appendChild(doc.createComment(""));
        element.appendChild(doc.createTextNode(".evil.com"));
    }

    @Test
    void rejectsCommentTruncationInNameId() throws Exception {
        Document control = response.build();
        KeycloakShapedResponse.first(control, "NameID").setTextContent("mary@example.com.evil.com");
        TestSigner.IDP.sign(assertion(control));
        TestSigner.IDP.sign(control.getDocumentElement());
        assertThat(verifyFresh(control).nameId()).isEqualTo("mary@example.com.evil.com");

        Document attack = response.build();
        splitWithComment(KeycloakShapedResponse.first(attack, "NameID"));
        TestSigner.IDP.sign(assertion(attack));
        TestSigner.IDP.sign(attack.getDocumentElement());
        assertRejected(attack, INVALID, "NameID must contain only text");
    }

    @Test
    void rejectsCommentTruncationInEmailPrincipalTag() throws Exception {
        String email = AwsSamlAttributes.PRINCIPAL_TAG_PREFIX + "Email";
        Document control = response.build();
        KeycloakShapedResponse.attributeValue(control, email).setTextContent("mary@example.com.evil.com");
        TestSigner.IDP.sign(assertion(control));
        assertThat(verifyFresh(control).principalTags()).containsEntry("Email", "mary@example.com.evil.com");

        Document attack = response.build();
        splitWithComment(KeycloakShapedResponse.attributeValue(attack, email));
        TestSigner.IDP.sign(assertion(attack));
        assertRejected(attack, INVALID, "AttributeValue must contain only text");
    }

    @Test
    void metadataWithExternalEntityIsRejectedWithoutFetching() throws Exception {
        String metadata = KeycloakShapedResponse.metadataXml(KeycloakShapedResponse.ENTITY_ID, "signing", TestSigner.IDP)
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
        assertThat(SamlProviderMetadata.parse(metadata).entityId()).isEqualTo(KeycloakShapedResponse.ENTITY_ID);
        String attack = "<!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
                + metadata.replace("entityID=\"" + KeycloakShapedResponse.ENTITY_ID + "\"", "entityID=\"&xxe;\"");
        SamlException e = catchThrowableOfType(SamlException.class, () -> SamlProviderMetadata.parse(attack));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("DOCTYPE");
        assertThat(requests).hasValue(0);
    }
}
