package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class SamlRequestsTest {
    @Test
    void theRedirectEncodingIsRawDeflateThenBase64() throws Exception {
        String xml = SamlRequests.authnRequest("_abc", "urn:amazon:webservices", "http://idp/sso", "http://localhost:8000/saml");
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(SamlRequests.redirectEncode(xml)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(xml).contains("ID=\"_abc\"",
                "AssertionConsumerServiceURL=\"http://localhost:8000/saml\"", "<saml:Issuer>urn:amazon:webservices<");
    }

    @Test
    void inResponseToIsReadFromAResponseOnly() {
        String ns = "urn:oasis:names:tc:SAML:2.0:protocol";
        assertThat(SamlRequests.inResponseTo("<samlp:Response xmlns:samlp=\"" + ns + "\" InResponseTo=\"_abc\"/>"))
                .contains("_abc");
        assertThat(SamlRequests.inResponseTo("<samlp:Response xmlns:samlp=\"" + ns + "\"/>")).isEmpty();
        assertThat(SamlRequests.inResponseTo("<Response InResponseTo=\"_abc\"/>")).isEmpty(); // wrong namespace
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        String ns = "urn:oasis:names:tc:SAML:2.0:protocol";
        String xxe = "<!DOCTYPE r [<!ENTITY id \"_abc\">]><samlp:Response xmlns:samlp=\"" + ns + "\" InResponseTo=\"&id;\"/>";
        assertThat(SamlRequests.inResponseTo(xxe)).isEmpty();
    }

    @Test
    void requestIdsAreFreshNcNames() {
        assertThat(SamlRequests.newRequestId()).matches("_[0-9a-f]{32}").isNotEqualTo(SamlRequests.newRequestId());
    }
}
