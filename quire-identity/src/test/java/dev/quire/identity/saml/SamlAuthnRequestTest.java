package dev.quire.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SamlAuthnRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-28T01:02:03.456Z");

    @Test
    void theRedirectUrlCarriesTheRequestDeflatedAndItReadsBackAsWellFormedXml() throws Exception {
        String acs = "http://127.0.0.1:8080/web/w1/saml?a=1&b=\"<x>\"";
        String xml = SamlAuthnRequest.xml("_r1", NOW, "urn:amazon:webservices", "https://idp.example.com/sso", acs,
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        String url = SamlAuthnRequest.redirectUrl("https://idp.example.com/sso?tenant=t", xml);
        assertThat(url).startsWith("https://idp.example.com/sso?tenant=t&SAMLRequest=");

        String decoded = inflate(url.substring(url.indexOf("SAMLRequest=") + "SAMLRequest=".length()));
        assertThat(decoded).isEqualTo(xml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(decoded.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(root.getAttribute("AssertionConsumerServiceURL")).isEqualTo(acs);
        assertThat(root.getAttribute("IssueInstant")).isEqualTo("2026-11-28T01:02:03Z");
        assertThat(root.getAttribute("Destination")).isEqualTo("https://idp.example.com/sso");
    }

    @Test
    void optionalPartsAreLeftOutWhenNull() {
        String xml = SamlAuthnRequest.xml("_r2", NOW, "urn:amazon:webservices", null, "http://localhost:8000/saml", null);
        assertThat(xml).doesNotContain("Destination=").doesNotContain("Format=");
        assertThat(SamlAuthnRequest.redirectUrl("https://idp.example.com/sso", xml))
                .startsWith("https://idp.example.com/sso?SAMLRequest=");
    }

    private static String inflate(String parameter) throws Exception {
        byte[] raw = Base64.getDecoder().decode(URLDecoder.decode(parameter, StandardCharsets.UTF_8));
        Inflater inflater = new Inflater(true);
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
