package dev.quire.identity.saml;

import static dev.quire.identity.saml.AwsSamlAttributes.PRINCIPAL_TAG_PREFIX;
import static dev.quire.identity.saml.AwsSamlAttributes.ROLE;
import static dev.quire.identity.saml.AwsSamlAttributes.ROLE_SESSION_NAME;
import static dev.quire.identity.saml.AwsSamlAttributes.SESSION_DURATION;
import static dev.quire.identity.saml.AwsSamlAttributes.SOURCE_IDENTITY;
import static dev.quire.identity.saml.AwsSamlAttributes.TRANSITIVE_TAG_KEYS;
import static dev.quire.identity.saml.KeycloakShapedResponse.PROVIDER_ARN;
import static dev.quire.identity.saml.KeycloakShapedResponse.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The AWS attributes under https://aws.amazon.com/SAML/Attributes/, each rule with an accepted control. */
class SamlAwsAttributesTest extends SamlTestSupport {

    /** A signed Keycloak-shaped response whose attribute {@code name} has exactly {@code values} (none: removed). */
    private Document withAttribute(String name, String... values) {
        Document doc = response.build();
        NodeList attributes = doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "Attribute");
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                attribute.getParentNode().removeChild(attribute);
            }
        }
        if (values.length > 0) {
            Element attribute = doc.createElementNS(SamlNames.ASSERTION_NS, "saml:Attribute");
            attribute.setAttribute("Name", name);
            for (String value : values) {
                Element element = doc.createElementNS(SamlNames.ASSERTION_NS, "saml:AttributeValue");
                element.setTextContent(value);
                attribute.appendChild(element);
            }
            KeycloakShapedResponse.first(doc, "AttributeStatement").appendChild(attribute);
        }
        TestSigner.IDP.sign(KeycloakShapedResponse.assertion(doc));
        TestSigner.IDP.sign(doc.getDocumentElement());
        return doc;
    }

    @Test
    void parsesRolePairsInEitherOrderIncludingOneForAnotherProvider() throws Exception {
        String otherProvider = "arn:aws:iam::123456789012:saml-provider/okta";
        String otherRole = "arn:aws:iam::123456789012:role/Analyst";
        VerifiedSamlAssertion verified = verify(withAttribute(ROLE,
                " " + PROVIDER_ARN + " , " + ROLE_ARN + " ", otherRole + "," + otherProvider));
        assertThat(verified.roles()).containsExactly(
                new RolePair(ROLE_ARN, PROVIDER_ARN), new RolePair(otherRole, otherProvider));
    }

    @Test
    void rejectsRoleValueThatIsNotAPair() throws Exception {
        assertThat(verifyFresh(withAttribute(ROLE, ROLE_ARN + "," + PROVIDER_ARN)).roles()).hasSize(1);
        assertRejected(withAttribute(ROLE, ROLE_ARN), INVALID, "Role value must be 'role-arn,provider-arn'");
        assertRejected(withAttribute(ROLE, ROLE_ARN + "," + ROLE_ARN), INVALID, "must pair one role ARN with one saml-provider ARN");
    }

    @Test
    void rejectsMissingRoleAttribute() {
        assertRejected(withAttribute(ROLE), INVALID, "missing attribute " + ROLE);
    }

    @Test
    void rejectsMissingRoleSessionName() {
        assertRejected(withAttribute(ROLE_SESSION_NAME), INVALID, "missing attribute " + ROLE_SESSION_NAME);
    }

    @Test
    void roleSessionNameMustBeTwoToSixtyFourAllowedCharacters() throws Exception {
        assertThat(verifyFresh(withAttribute(ROLE_SESSION_NAME, "ab")).roleSessionName()).isEqualTo("ab");
        assertThat(verifyFresh(withAttribute(ROLE_SESSION_NAME, "x".repeat(64))).roleSessionName()).hasSize(64);
        assertThat(verifyFresh(withAttribute(ROLE_SESSION_NAME, "a_b+c=d,e.f@g-h")).roleSessionName()).isEqualTo("a_b+c=d,e.f@g-h");
        assertRejected(withAttribute(ROLE_SESSION_NAME, "a"), INVALID, "RoleSessionName must be");
        assertRejected(withAttribute(ROLE_SESSION_NAME, "x".repeat(65)), INVALID, "RoleSessionName must be");
        assertRejected(withAttribute(ROLE_SESSION_NAME, "mary smith"), INVALID, "RoleSessionName must be");
        assertRejected(withAttribute(ROLE_SESSION_NAME, "mary/admin"), INVALID, "RoleSessionName must be");
    }

    @Test
    void rejectsMultiValuedRoleSessionName() {
        assertRejected(withAttribute(ROLE_SESSION_NAME, "mary", "admin"), INVALID, "must have a single value");
    }

    @Test
    void principalTagsAndTransitiveKeys() throws Exception {
        VerifiedSamlAssertion verified = verify(withAttribute(TRANSITIVE_TAG_KEYS, "Email", "Department"));
        assertThat(verified.principalTags()).containsExactly(entry("Email", "mary@example.com"));
        assertThat(verified.transitiveTagKeys()).containsExactly("Email", "Department");
    }

    @Test
    void rejectsTagKeysInTheAwsNamespaceAndCaseInsensitiveDuplicates() throws Exception {
        assertThat(verifyFresh(withAttribute(PRINCIPAL_TAG_PREFIX + "Department", "Sales")).principalTags())
                .containsEntry("Department", "Sales");
        assertRejected(withAttribute(PRINCIPAL_TAG_PREFIX + "aws:Department", "Sales"), INVALID, "invalid session tag key");
        assertRejected(withAttribute(PRINCIPAL_TAG_PREFIX + "email", "x@example.com"), INVALID, "duplicate session tag email");
    }

    @Test
    void sessionDurationMustBeBetween900And43200() throws Exception {
        assertThat(verifyFresh(withAttribute(SESSION_DURATION, "3600")).sessionDurationSeconds()).isEqualTo(3600);
        assertRejected(withAttribute(SESSION_DURATION, "899"), INVALID, "SessionDuration must be");
        assertRejected(withAttribute(SESSION_DURATION, "43201"), INVALID, "SessionDuration must be");
        assertRejected(withAttribute(SESSION_DURATION, "1h"), INVALID, "SessionDuration must be");
    }

    @Test
    void sourceIdentityFollowsTheSessionNameRulesAndMayNotClaimTheAwsPrefix() throws Exception {
        assertThat(verifyFresh(withAttribute(SOURCE_IDENTITY, "mary@example.com")).sourceIdentity()).isEqualTo("mary@example.com");
        assertRejected(withAttribute(SOURCE_IDENTITY, "aws:mary"), INVALID, "SourceIdentity must be");
        assertRejected(withAttribute(SOURCE_IDENTITY, "m"), INVALID, "SourceIdentity must be");
    }

    @Test
    void attributeValuesWithMarkupAreRejected() throws Exception {
        Document doc = response.build();
        Element value = KeycloakShapedResponse.attributeValue(doc, ROLE_SESSION_NAME);
        value.setTextContent("");
        value.appendChild(doc.createElementNS(SamlNames.ASSERTION_NS, "saml:NameID")).setTextContent("mary");
        TestSigner.IDP.sign(KeycloakShapedResponse.assertion(doc));
        assertRejected(doc, INVALID, "AttributeValue must contain only text");
    }

    @Test
    void rejectsInvalidTagValuesAndTransitiveKeys() throws Exception {
        assertThat(verifyFresh(withAttribute(PRINCIPAL_TAG_PREFIX + "Team", "Data Science")).principalTags())
                .containsEntry("Team", "Data Science");
        assertRejected(withAttribute(PRINCIPAL_TAG_PREFIX + "Team", "a;b"), INVALID, "invalid value for session tag Team");
        assertRejected(withAttribute(TRANSITIVE_TAG_KEYS, "Email", "bad;key"), INVALID, "invalid transitive tag key");
    }

    @Test
    void rejectsMoreThanFiftySessionTags() throws Exception {
        Document doc = response.build();
        Element statement = KeycloakShapedResponse.first(doc, "AttributeStatement");
        for (int i = 0; i < 50; i++) {
            Element attribute = doc.createElementNS(SamlNames.ASSERTION_NS, "saml:Attribute");
            attribute.setAttribute("Name", PRINCIPAL_TAG_PREFIX + "Tag" + i);
            attribute.appendChild(doc.createElementNS(SamlNames.ASSERTION_NS, "saml:AttributeValue")).setTextContent("v");
            statement.appendChild(attribute);
        }
        TestSigner.IDP.sign(KeycloakShapedResponse.assertion(doc));
        assertRejected(doc, INVALID, "more than 50 session tags");
    }
}
