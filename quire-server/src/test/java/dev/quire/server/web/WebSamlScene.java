package dev.quire.server.web;

import dev.quire.server.chat.ChatScene;
import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakSamlClients;
import java.io.IOException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/**
 * The seed scene set up for SAML the way the seed's create-iam-saml-qbiz-app.py and its Okta steps
 * do it, against Keycloak: an application on the IAM SAML provider, a web experience with
 * samlConfiguration, a Keycloak SAML client posting to the web experience's {@code <defaultEndpoint>saml}
 * with the Role attribute {@code <web experience role>,<SAML provider>}, and the role's trust
 * allowing that URL as {@code SAML:aud}. The web experience starts sign-in at Keycloak's
 * IdP-initiated URL (the seed's Okta "embed link").
 *
 * <p>A second web experience of the same application signs in SP-initiated: its authenticationUrl is
 * Keycloak's SingleSignOnService, where Quire sends an AuthnRequest from {@code urn:amazon:webservices}
 * (the realm's client, whose Role attribute names this scene's role and provider) for its own ACS.
 */
final class WebSamlScene implements AutoCloseable {
    final ChatScene chat;
    final String webExperienceId;
    final String endpoint;
    final String spInitiatedEndpoint;
    final KeycloakSamlClients.SamlClient keycloakClient;
    private final KeycloakSamlClients clients;

    WebSamlScene(RunningQuire quire) throws IOException {
        chat = new ChatScene(quire, true);
        clients = new KeycloakSamlClients(chat.keycloak);
        try (IamClient iam = quire.iam(quire.rootCredentials());
             QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            // As in the seed: the web experience exists before its URL can be given to the IdP.
            webExperienceId = qb.createWebExperience(r -> r.applicationId(chat.app).title("ACME Assistant")
                    .welcomeMessage("Hello! Ask about your projects.").roleArn(ChatScene.ROLE_ARN)
                    .identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(chat.keycloak.issuerUrl() + "/protocol/saml")))).webExperienceId();
            endpoint = qb.getWebExperience(r -> r.applicationId(chat.app).webExperienceId(webExperienceId))
                    .defaultEndpoint();
            keycloakClient = clients.createAwsStyleClient(endpoint + "saml",
                    ChatScene.ROLE_ARN + "," + chat.samlProviderArn);
            qb.updateWebExperience(r -> r.applicationId(chat.app).webExperienceId(webExperienceId)
                    .identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(keycloakClient.idpInitiatedUrl()))));
            String spInitiated = qb.createWebExperience(r -> r.applicationId(chat.app).title("ACME Assistant (SP-initiated)")
                    .roleArn(ChatScene.ROLE_ARN).identityProviderConfiguration(i -> i.samlConfiguration(s -> s
                            .authenticationUrl(chat.keycloak.samlEndpoint())))).webExperienceId();
            spInitiatedEndpoint = qb.getWebExperience(r -> r.applicationId(chat.app).webExperienceId(spInitiated))
                    .defaultEndpoint();
            iam.updateAssumeRolePolicy(r -> r.roleName(ChatScene.ROLE).policyDocument(
                    chat.trustPolicy(endpoint + "saml", spInitiatedEndpoint + "saml")));
        }
    }

    @Override
    public void close() {
        clients.delete(keycloakClient);
    }
}
