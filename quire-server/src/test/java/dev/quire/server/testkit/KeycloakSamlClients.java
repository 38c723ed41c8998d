package dev.quire.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * SAML clients made in the running Keycloak through its admin REST API, for tests whose ACS URL is
 * known only at run time (a web experience's {@code <defaultEndpoint>saml} on a random port). CI
 * starts from a clean clone and a fresh realm, so nothing here may rely on earlier runs.
 *
 * <p>Each client gets its own entity id (Keycloak's clientId must be unique and the realm already
 * has {@code urn:amazon:webservices}), and an audience mapper adds {@code urn:amazon:webservices}
 * to the assertion's AudienceRestriction, so the assertion is exactly what AWS requires. Attributes
 * are those of an Amazon Q Business SAML application: PrincipalTag:Email, RoleSessionName (email)
 * and Role = {@code <role ARN>,<SAML provider ARN>}.
 */
public final class KeycloakSamlClients {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";

    /** A client made for one test: its entity id, Keycloak's internal id, and where sign-in starts. */
    public record SamlClient(String entityId, String internalId, String idpInitiatedUrl) {
    }

    private final KeycloakTestServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public KeycloakSamlClients(KeycloakTestServer keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates a SAML client that posts signed responses to {@code acsUrl} (POST binding forced) with
     * the AWS attributes, and returns it. Sign-in starts at its IdP-initiated URL, the URL an Okta
     * "embed link" plays in the seed.
     */
    public SamlClient createAwsStyleClient(String acsUrl, String roleAttributeValue) {
        String urlName = "quire-web-" + UUID.randomUUID().toString().substring(0, 8);
        String entityId = "urn:quire:test:" + urlName;
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", entityId).put("name", "Quire web experience " + urlName).put("enabled", true)
                .put("protocol", "saml").put("publicClient", false).put("consentRequired", false)
                .put("frontchannelLogout", true).put("fullScopeAllowed", false).put("baseUrl", acsUrl);
        client.putArray("redirectUris").add(acsUrl);
        client.putArray("defaultClientScopes"); // otherwise a role-list scope adds its own "Role" attribute
        client.putArray("optionalClientScopes");
        ObjectNode a = client.putObject("attributes");
        a.put("saml_assertion_consumer_url_post", acsUrl).put("saml.force.post.binding", "true")
                .put("saml_force_name_id_format", "true").put("saml_name_id_format", "email")
                .put("saml.authnstatement", "true").put("saml.server.signature", "true")
                .put("saml.assertion.signature", "true").put("saml.signature.algorithm", "RSA_SHA256")
                .put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#")
                .put("saml.server.signature.keyinfo.ext", "false").put("saml.client.signature", "false")
                .put("saml.encrypt", "false").put("saml_idp_initiated_sso_url_name", urlName);
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.add(mapper("audience", "saml-audience-mapper", JSON.createObjectNode()
                .put("included.custom.audience", KeycloakTestServer.SAML_ENTITY_ID)));
        mappers.add(mapper("PrincipalTag:Email", "saml-user-property-mapper", userProperty(ATTRIBUTES + "PrincipalTag:Email")));
        mappers.add(mapper("RoleSessionName", "saml-user-property-mapper", userProperty(ATTRIBUTES + "RoleSessionName")));
        mappers.add(mapper("Role", "saml-hardcode-attribute-mapper", JSON.createObjectNode()
                .put("attribute.name", ATTRIBUTES + "Role").put("attribute.nameformat", "URI Reference")
                .put("friendly.name", "").put("attribute.value", roleAttributeValue)));

        HttpResponse<String> created = send(admin(clientsUrl()).POST(HttpRequest.BodyPublishers.ofString(client.toString()))
                .header("Content-Type", "application/json").build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the SAML client: HTTP " + created.statusCode() + " "
                    + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String internalId = location.substring(location.lastIndexOf('/') + 1);
        return new SamlClient(entityId, internalId,
                keycloak.issuerUrl() + "/protocol/saml/clients/" + urlName);
    }

    /** Removes a client made by {@link #createAwsStyleClient}; a missing one is fine. */
    public void delete(SamlClient client) {
        send(admin(clientsUrl() + "/" + client.internalId()).DELETE().build());
    }

    private String clientsUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakTestServer.REALM + "/clients";
    }

    private HttpRequest.Builder admin(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + adminToken());
    }

    /** The bootstrap admin of scripts/keycloak.sh (admin/admin) through the master realm's admin-cli. */
    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUser()) + "&password="
                + enc(adminPassword());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin sign-in failed (HTTP " + r.statusCode()
                    + "); set QUIRE_KC_ADMIN_USER / QUIRE_KC_ADMIN_PASSWORD for a Keycloak not started by scripts/keycloak.sh");
        }
        try {
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String adminUser() {
        return System.getenv().getOrDefault("QUIRE_KC_ADMIN_USER", "admin");
    }

    private static String adminPassword() {
        return System.getenv().getOrDefault("QUIRE_KC_ADMIN_PASSWORD", "admin");
    }

    private static ObjectNode userProperty(String attributeName) {
        return JSON.createObjectNode().put("user.attribute", "email").put("attribute.name", attributeName)
                .put("attribute.nameformat", "URI Reference").put("friendly.name", "");
    }

    private static JsonNode mapper(String name, String type, ObjectNode config) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name).put("protocol", "saml").put("protocolMapper", type).put("consentRequired", false);
        m.set("config", config);
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), e);
        }
    }
}
