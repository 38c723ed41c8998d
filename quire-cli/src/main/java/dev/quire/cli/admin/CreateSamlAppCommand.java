package dev.quire.cli.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;

/** {@code quire admin create-saml-app}: the same sequence for a SAML 2.0 IdP. */
@Command(name = "create-saml-app", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an application whose users sign in at a SAML 2.0 IdP.",
                "Creates the IAM SAML provider from the IdP's metadata, the application (auto-subscription on),",
                "an index, a native retriever, the web-experience role and policy, and a web experience that",
                "sends users to the metadata's single sign-on URL."},
        footer = {"", "Example:",
                "  curl -o idp.xml https://idp.example.com/realms/acme/protocol/saml/descriptor",
                "  AWS_SHARED_CREDENTIALS_FILE=quire-data/credentials ./quire admin create-saml-app --profile quire \\",
                "      --metadata idp.xml --name acme-saml"})
public final class CreateSamlAppCommand implements Callable<Integer> {
    private static final Pattern SSO = Pattern.compile(
            "<(?:\\w+:)?SingleSignOnService\\b[^>]*?\\bLocation\\s*=\\s*\"([^\"]+)\"", Pattern.DOTALL);

    @Mixin
    AdminConnection connection = new AdminConnection();

    @Option(names = "--metadata", required = true, paramLabel = "FILE", description = "The IdP's SAML metadata XML.")
    Path metadata;

    @Option(names = "--name", defaultValue = "quire-saml-app", description = "Application name, prefix of role and provider names (default: ${DEFAULT-VALUE}).")
    String name;

    private final PrintStream out;

    public CreateSamlAppCommand() {
        this(System.out);
    }

    public CreateSamlAppCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        AppProvisioner.checkedName(name);
        if (!Files.isReadable(metadata)) {
            throw new IllegalArgumentException("Cannot read the metadata file " + metadata);
        }
        String xml = Files.readString(metadata);
        String ssoUrl = ssoUrl(xml);
        String accountId = connection.accountId();
        try (IamClient iam = connection.iam(); QBusinessClient qb = connection.qbusiness()) {
            String providerArn = samlProvider(iam, accountId, xml);
            AppProvisioner p = new AppProvisioner(iam, qb, accountId, name, out);
            p.step("IAM SAML provider", providerArn);
            AppProvisioner.Created created = p.create(r -> r.identityType(IdentityType.AWS_IAM_IDP_SAML)
                    .iamIdentityProviderArn(providerArn), trust(providerArn, null),
                    appId -> IdentityProviderConfiguration.fromSamlConfiguration(s -> s.authenticationUrl(ssoUrl)));
            // The web experience's own ACS is known only now; without it in SAML:aud its sign-in is denied.
            String acs = created.webExperienceUrl() + "saml";
            iam.updateAssumeRolePolicy(r -> r.roleName(name + "-web-experience-role").policyDocument(trust(providerArn, acs)));
            p.step("role trusts the web experience's ACS (SAML:aud)", acs);
            out.println("At the IdP, for SP urn:amazon:webservices: ACS URL " + acs + ", attribute "
                    + "https://aws.amazon.com/SAML/Attributes/Role = " + created.roleArn() + "," + providerArn);
            return 0;
        }
    }

    /** The first SingleSignOnService Location of the metadata: where the web experience sends users. */
    static String ssoUrl(String metadataXml) {
        Matcher m = SSO.matcher(metadataXml);
        if (!m.find()) {
            throw new IllegalArgumentException("The metadata names no SingleSignOnService Location: is it an IdP's metadata?");
        }
        return m.group(1).replace("&amp;", "&");
    }

    private String samlProvider(IamClient iam, String accountId, String xml) {
        String providerName = name + "-idp";
        try {
            return iam.createSAMLProvider(r -> r.name(providerName).samlMetadataDocument(xml)).samlProviderArn();
        } catch (EntityAlreadyExistsException e) {
            String arn = "arn:aws:iam::" + accountId + ":saml-provider/" + providerName;
            iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(xml));
            return arn;
        }
    }

    /** The seed's SAML trust; {@code webExperienceAcs} (when known) is allowed as SAML:aud too. */
    private static String trust(String providerArn, String webExperienceAcs) {
        String audiences = "\"https://us-east-1.signin.aws.amazon.com/saml\""
                + (webExperienceAcs == null ? "" : ",\"" + webExperienceAcs + "\"");
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithSAML",
                  "Condition":{"StringEquals":{"SAML:aud":[%2$s]}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(providerArn, audiences);
    }
}
