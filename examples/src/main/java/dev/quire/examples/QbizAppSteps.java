package dev.quire.examples;

import java.io.PrintStream;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ApplicationStatus;
import software.amazon.awssdk.services.qbusiness.model.AutoSubscriptionConfiguration;
import software.amazon.awssdk.services.qbusiness.model.AutoSubscriptionStatus;
import software.amazon.awssdk.services.qbusiness.model.CreateWebExperienceResponse;
import software.amazon.awssdk.services.qbusiness.model.GetWebExperienceResponse;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.qbusiness.model.IndexType;
import software.amazon.awssdk.services.qbusiness.model.NativeIndexConfiguration;
import software.amazon.awssdk.services.qbusiness.model.RetrieverConfiguration;
import software.amazon.awssdk.services.qbusiness.model.RetrieverType;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionType;

/** The steps both create scripts share, in the seed's order and with the seed's output lines. */
final class QbizAppSteps {
    static final String KMS_NOTE = "Note: AWS_SECRET_ENCRYPTION_KEY only fills the kms:Decrypt statements;"
            + " no KMS call is made (Quire has no KMS: its Secrets Manager encrypts with its own key).";

    private final IamClient iam;
    private final QBusinessClient qbusiness;
    private final PrintStream out;

    QbizAppSteps(IamClient iam, QBusinessClient qbusiness, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.out = out;
    }

    /** The service-linked role the seed names as the application's role. */
    static String serviceRoleArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/aws-service-role/qbusiness.amazonaws.com/AWSServiceRoleForQBusiness";
    }

    /** Runs one API call; an SDK failure becomes the seed's "Error {what}: …" line. */
    static <T> T step(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new StepFailedException(what, e);
        }
    }

    static String clientToken() {
        return UUID.randomUUID().toString();
    }

    /** CreateIndex (ENTERPRISE) and CreateRetriever (NATIVE_INDEX), then the three id lines. */
    String[] indexAndRetriever(String applicationId, String prefix) {
        String indexId = step("creating QBusiness Index", () -> qbusiness.createIndex(r -> r
                .applicationId(applicationId).displayName(prefix + "-index").description("Index for " + prefix)
                .type(IndexType.ENTERPRISE).clientToken(clientToken()))).indexId();
        String retrieverId = step("creating QBusiness Retriever", () -> qbusiness.createRetriever(r -> r
                .applicationId(applicationId).displayName(prefix + "-retriever").type(RetrieverType.NATIVE_INDEX)
                .configuration(RetrieverConfiguration.fromNativeIndexConfiguration(
                        NativeIndexConfiguration.builder().indexId(indexId).build()))
                .clientToken(clientToken()))).retrieverId();
        out.println("QBusiness Application ID: " + applicationId);
        out.println("QBusiness Index ID: " + indexId);
        out.println("QBusiness Retriever ID: " + retrieverId);
        return new String[] {indexId, retrieverId};
    }

    /**
     * CreatePolicy, CreateRole, AttachRolePolicy for {@code kind} ("web-experience" or
     * "secrets-manager"); {@code label} starts the output lines ("Web experience", "Secrets manager").
     * Returns {policy ARN, role ARN}.
     */
    String[] policyAndRole(String prefix, String kind, String label, String applicationId, String permissions,
                           String trust) {
        String lower = label.toLowerCase();
        // the seed's Description is a plain string, so "{application_id}" stays literally in it
        Policy policy = step("creating " + lower + " policy", () -> iam.createPolicy(r -> r
                .policyName(prefix + "-" + kind + "-policy").description(label + " policy for {application_id}")
                .policyDocument(permissions))).policy();
        out.println(label + " policy: " + policy.arn());
        Role role = step("creating " + lower + " role", () -> iam.createRole(r -> r
                .roleName(prefix + "-" + kind + "-role").assumeRolePolicyDocument(trust))).role();
        out.println(label + " role: " + role.arn());
        step("attaching " + lower + " policy to role", () -> iam.attachRolePolicy(r -> r
                .roleName(role.roleName()).policyArn(policy.arn())));
        out.println("Attached " + policy.arn() + " to role " + role.roleName());
        return new String[] {policy.arn(), role.arn()};
    }

    /** CreateWebExperience, then GetWebExperience printed as JSON. */
    GetWebExperienceResponse webExperience(String applicationId, String prefix, String roleArn,
                                           IdentityProviderConfiguration identityProvider) {
        CreateWebExperienceResponse created = step("creating web experience", () -> qbusiness.createWebExperience(r -> r
                .applicationId(applicationId).title(prefix + "-web-experience").roleArn(roleArn)
                .identityProviderConfiguration(identityProvider).clientToken(clientToken())));
        out.println("Created web experience: " + created.webExperienceArn());
        GetWebExperienceResponse details = step("getting web experience", () -> qbusiness.getWebExperience(r -> r
                .applicationId(applicationId).webExperienceId(created.webExperienceId())));
        out.println(SdkJson.pretty(SdkJson.toJson(details)));
        return details;
    }

    /** Waits for the application to be ACTIVE, then turns auto-subscription on for Q_BUSINESS. */
    void enableAutoSubscription(String applicationId) {
        step("getting application status", () -> {
            for (int attempt = 0; attempt < 120; attempt++) {
                if (qbusiness.getApplication(r -> r.applicationId(applicationId)).status() == ApplicationStatus.ACTIVE) {
                    return null;
                }
                sleepSeconds(5);
            }
            throw new IllegalStateException("application " + applicationId + " is not ACTIVE after 10 minutes");
        });
        step("updating QBusiness Application auto subscription", () -> qbusiness.updateApplication(r -> r
                .applicationId(applicationId).autoSubscriptionConfiguration(AutoSubscriptionConfiguration.builder()
                        .autoSubscribe(AutoSubscriptionStatus.ENABLED)
                        .defaultSubscriptionType(SubscriptionType.Q_BUSINESS).build())));
        out.println("QBusiness auto subscription enabled for Q_BUSINESS");
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the application", e);
        }
    }
}
