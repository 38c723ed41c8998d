package dev.quire.cli.admin;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code quire admin create-oidc-app}: the seed's create-iam-oidc-qbiz-app in one command. */
@Command(name = "create-oidc-app", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an application whose users sign in at an OpenID Connect IdP.",
                "Creates the IAM OIDC provider, the application (auto-subscription on), an index, a native",
                "retriever, the web-experience role and policy and the web experience. With --client-secret",
                "the web experience signs users in itself: the secret goes to Secrets Manager, read by a secrets role."},
        footer = {"", "Example:",
                "  AWS_SHARED_CREDENTIALS_FILE=quire-data/credentials ./quire admin create-oidc-app --profile quire \\",
                "      --issuer https://idp.example.com/realms/acme --client-id quire --client-secret s3cret --name acme"})
public final class CreateOidcAppCommand implements Callable<Integer> {
    @Mixin
    AdminConnection connection = new AdminConnection();

    @Option(names = "--issuer", required = true, description = "The IdP's issuer URL, e.g. https://idp.example.com/realms/acme.")
    String issuer;

    @Option(names = "--client-id", required = true, description = "The OIDC client id: ID tokens must carry it as audience.")
    String clientId;

    @Option(names = "--client-secret", description = "The client's secret; given, the web experience signs users in.")
    String clientSecret;

    @Option(names = "--name", defaultValue = "quire-app", description = "Application name, prefix of role names (default: ${DEFAULT-VALUE}).")
    String name;

    private final PrintStream out;

    public CreateOidcAppCommand() {
        this(System.out);
    }

    public CreateOidcAppCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        AppProvisioner.checkedName(name);
        String accountId = connection.accountId();
        try (IamClient iam = connection.iam(); QBusinessClient qb = connection.qbusiness();
             SecretsManagerClient sm = connection.secretsManager()) {
            String providerArn = oidcProvider(iam, accountId);
            AppProvisioner p = new AppProvisioner(iam, qb, accountId, name, out);
            p.step("IAM OpenID Connect provider", providerArn);
            AppProvisioner.Created c = p.create(r -> r.identityType(IdentityType.AWS_IAM_IDP_OIDC)
                            .iamIdentityProviderArn(providerArn).clientIdsForOIDC(clientId),
                    trust(providerArn), clientSecret == null ? null : appId -> p.oidcSignIn(sm, clientSecret));
            out.println("role for 'quire login --oidc' and custom apps: " + c.roleArn());
            return 0;
        }
    }

    /** The provider's ARN is fixed by the issuer: a second app for the same IdP reuses it. */
    private String oidcProvider(IamClient iam, String accountId) {
        try {
            return iam.createOpenIDConnectProvider(r -> r.url(issuer).clientIDList(clientId)).openIDConnectProviderArn();
        } catch (EntityAlreadyExistsException e) {
            String arn = "arn:aws:iam::" + accountId + ":oidc-provider/" + issuer.replaceFirst("^https?://", "");
            iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID(clientId));
            return arn;
        }
    }

    /** The seed's trust: the token's audience must be this client; TagSession only with an Email tag. */
    private String trust(String providerArn) {
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%2$s:aud":"%3$s"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(providerArn, issuer.replaceFirst("^https?://", ""), clientId);
    }
}
