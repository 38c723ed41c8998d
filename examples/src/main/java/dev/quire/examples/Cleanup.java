package dev.quire.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.Application;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Undoes the create scripts, as the seed's clean-up section asks: for every application whose
 * name starts with QBIZ_PREFIX (default "qbiz-"), cancel the users' subscriptions and delete its
 * web experiences, retrievers, indices, the application and its IAM identity provider; then the
 * roles (policies detached first), policies and SAML providers with that prefix, and the secret
 * AWS_SECRET_ID if set. Anything already gone is reported and skipped, so it can run twice.
 */
public final class Cleanup {
    /** QBIZ_PREFIX, AWS_DEFAULT_REGION, and optionally AWS_SECRET_ID with AWS_ACCOUNT_ID. */
    public record Config(String prefix, String region, String secretId, String accountId) {
        public static Config fromEnv(Env env) {
            return new Config(env.optional("QBIZ_PREFIX", "qbiz-"), env.region(), env.optional("AWS_SECRET_ID", null),
                    env.optional("AWS_ACCOUNT_ID", null));
        }
    }

    private final IamClient iam;
    private final QBusinessClient qbusiness;
    private final SecretsManagerClient secrets;
    private final PrintStream out;

    private Cleanup(IamClient iam, QBusinessClient qbusiness, SecretsManagerClient secrets, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.secrets = secrets;
        this.out = out;
    }

    public static void main(String[] args) {
        ProgramExit.run(() -> {
            Config config = Config.fromEnv(Env.system());
            try (IamClient iam = Clients.iam(); QBusinessClient qbusiness = Clients.qbusiness(config.region());
                 SecretsManagerClient secrets = Clients.secretsManager(config.region())) {
                run(config, iam, qbusiness, secrets, System.out);
            }
        });
    }

    public static void run(Config c, IamClient iam, QBusinessClient qbusiness, SecretsManagerClient secrets,
                           PrintStream out) {
        new Cleanup(iam, qbusiness, secrets, out).all(c);
    }

    private void all(Config c) {
        List<Application> apps = qbusiness.listApplicationsPaginator(r -> { }).applications().stream()
                .filter(a -> a.displayName() != null && a.displayName().startsWith(c.prefix())).toList();
        apps.forEach(this::application);
        iam.listRolesPaginator(r -> { }).roles().stream().filter(r -> r.roleName().startsWith(c.prefix()))
                .forEach(r -> role(r.roleName()));
        iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
                .filter(p -> p.policyName().startsWith(c.prefix()))
                .forEach(p -> gone("policy " + p.arn(), () -> iam.deletePolicy(r -> r.policyArn(p.arn()))));
        iam.listSAMLProviders().samlProviderList().stream()
                .filter(p -> p.arn().contains(":saml-provider/" + c.prefix()))
                .forEach(p -> provider(p.arn()));
        if (c.secretId() != null) {
            String id = c.accountId() == null ? c.secretId() : Policies.secretArn(c.region(), c.accountId(), c.secretId());
            gone("secret " + id, () -> secrets.deleteSecret(r -> r.secretId(id).forceDeleteWithoutRecovery(true)));
        }
        out.println("Cleanup done.");
    }

    private void application(Application app) {
        String id = app.applicationId();
        String providerArn = null;
        try {
            providerArn = qbusiness.getApplication(r -> r.applicationId(id)).iamIdentityProviderArn();
        } catch (AwsServiceException e) {
            if (!isNotFound(e)) {
                throw new StepFailedException("getting application " + id, e);
            }
        }
        qbusiness.listSubscriptionsPaginator(r -> r.applicationId(id)).subscriptions().forEach(s ->
                gone("subscription " + s.subscriptionId(), () -> qbusiness.cancelSubscription(r -> r
                        .applicationId(id).subscriptionId(s.subscriptionId()))));
        qbusiness.listWebExperiencesPaginator(r -> r.applicationId(id)).webExperiences().forEach(w ->
                gone("web experience " + w.webExperienceId(), () -> qbusiness.deleteWebExperience(r -> r
                        .applicationId(id).webExperienceId(w.webExperienceId()))));
        qbusiness.listRetrieversPaginator(r -> r.applicationId(id)).retrievers().forEach(rt ->
                gone("retriever " + rt.retrieverId(), () -> qbusiness.deleteRetriever(r -> r
                        .applicationId(id).retrieverId(rt.retrieverId()))));
        qbusiness.listIndicesPaginator(r -> r.applicationId(id)).indices().forEach(i ->
                gone("index " + i.indexId(), () -> qbusiness.deleteIndex(r -> r.applicationId(id).indexId(i.indexId()))));
        gone("application " + id + " (" + app.displayName() + ")", () -> qbusiness.deleteApplication(r -> r.applicationId(id)));
        if (providerArn != null) {
            provider(providerArn);
        }
    }

    private void role(String roleName) {
        List<AttachedPolicy> attached = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                .attachedPolicies().stream().toList();
        for (AttachedPolicy p : attached) {
            gone("attachment of " + p.policyArn() + " to " + roleName, () -> iam.detachRolePolicy(r -> r
                    .roleName(roleName).policyArn(p.policyArn())));
        }
        gone("role " + roleName, () -> iam.deleteRole(r -> r.roleName(roleName)));
    }

    private void provider(String arn) {
        if (arn.contains(":oidc-provider/")) {
            gone("provider " + arn, () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
        } else if (arn.contains(":saml-provider/")) {
            gone("provider " + arn, () -> iam.deleteSAMLProvider(r -> r.samlProviderArn(arn)));
        }
    }

    /**
     * Runs one deletion, printing "Deleted {what}"; "not found" from the service means someone was
     * first, and prints "Already gone: {what}".
     */
    private <T> T gone(String what, Supplier<T> call) {
        try {
            T result = call.get();
            out.println("Deleted " + what);
            return result;
        } catch (AwsServiceException e) {
            if (isNotFound(e)) {
                out.println("Already gone: " + what);
                return null;
            }
            throw new StepFailedException("deleting " + what, e);
        }
    }

    /** IAM's NoSuchEntity and Q Business's ResourceNotFound are 404s; Secrets Manager's is a 400 by code. */
    private static boolean isNotFound(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 || "ResourceNotFoundException".equals(code) || "NoSuchEntity".equals(code);
    }
}
