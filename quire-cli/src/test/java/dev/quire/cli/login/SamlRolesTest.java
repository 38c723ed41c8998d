package dev.quire.cli.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing RoleArn and PrincipalArn from the Role attribute, as the AWS sign-in page does. */
class SamlRolesTest {
    static final String ROLE_A = "arn:aws:iam::123456789012:role/a";
    static final String ROLE_B = "arn:aws:iam::123456789012:role/b";
    static final String IDP = "arn:aws:iam::123456789012:saml-provider/idp";

    @Test
    void readsPairsInEitherOrderAndPicksTheOnlyOne() {
        List<SamlRoles.RolePair> offered = SamlRoles.offered(response(ROLE_A + "," + IDP, IDP + ", " + ROLE_B));
        assertThat(offered).containsExactly(new SamlRoles.RolePair(ROLE_A, IDP), new SamlRoles.RolePair(ROLE_B, IDP));
        assertThat(SamlRoles.choose(offered.subList(0, 1), null, null)).isEqualTo(new SamlRoles.RolePair(ROLE_A, IDP));
        assertThat(SamlRoles.choose(offered, ROLE_B, null)).isEqualTo(new SamlRoles.RolePair(ROLE_B, IDP));
    }

    @Test
    void severalWithoutAChoiceOrNoneIsAnErrorNamingThem() {
        List<SamlRoles.RolePair> offered = SamlRoles.offered(response(ROLE_A + "," + IDP, ROLE_B + "," + IDP));
        assertThatThrownBy(() -> SamlRoles.choose(offered, null, null))
                .hasMessageContaining("--role-arn").hasMessageContaining(ROLE_A).hasMessageContaining(ROLE_B);
        assertThatThrownBy(() -> SamlRoles.choose(List.of(), null, null)).hasMessageContaining("sends no");
    }

    @Test
    void aDoctypeIsRefused() {
        String xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        String encoded = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SamlRoles.offered(encoded)).hasMessageContaining("not readable XML");
    }

    private static String response(String... roleValues) {
        StringBuilder values = new StringBuilder();
        for (String v : roleValues) {
            values.append("<saml:AttributeValue>").append(v).append("</saml:AttributeValue>");
        }
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Assertion><saml:AttributeStatement>"
                + "<saml:Attribute Name=\"" + SamlRoles.ROLE_ATTRIBUTE + "\">" + values + "</saml:Attribute>"
                + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
