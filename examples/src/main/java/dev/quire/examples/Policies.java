package dev.quire.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The IAM policy documents of the seed's create scripts, statement for statement. */
public final class Policies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Policies() {
    }

    /**
     * The web experience role's permissions: conversation APIs on the application, GetRetriever,
     * auto-subscription, the KMS decrypt statement and the Q Apps statements, as in the seed.
     */
    public static String webExperiencePermissions(String region, String accountId, String applicationId,
                                                  String secretEncryptionKey) {
        String app = "arn:aws:qbusiness:" + region + ":" + accountId + ":application/" + applicationId;
        String qapps = "arn:aws:qapps:" + region + ":" + accountId + ":application/" + applicationId + "/qapp/*";
        ObjectNode doc = document();
        ArrayNode statements = doc.putArray("Statement");
        statement(statements, "QBusinessConversationPermissions", List.of("qbusiness:Chat", "qbusiness:ChatSync",
                "qbusiness:ListMessages", "qbusiness:ListConversations", "qbusiness:PutFeedback",
                "qbusiness:DeleteConversation", "qbusiness:GetWebExperience", "qbusiness:GetApplication",
                "qbusiness:ListPlugins", "qbusiness:GetChatControlsConfiguration", "qbusiness:ListRetrievers"))
                .put("Resource", app);
        resources(statement(statements, "QBusinessRetrieverPermission", List.of("qbusiness:GetRetriever")),
                app, app + "/retriever/*");
        ObjectNode subscribe = statement(statements, "QBusinessAutoSubscriptionPermission",
                List.of("user-subscriptions:CreateClaim"));
        ObjectNode subscribeCondition = subscribe.putObject("Condition");
        subscribeCondition.putObject("Bool").put("user-subscriptions:CreateForSelf", "true");
        subscribeCondition.putObject("StringEquals").put("aws:CalledViaLast", "qbusiness.amazonaws.com");
        resources(subscribe, "*");
        ObjectNode kms = resources(statement(statements, "QBusinessKMSDecryptPermissions", List.of("kms:Decrypt")),
                kmsKeyArn(region, accountId, secretEncryptionKey));
        strings(kms.putObject("Condition").putObject("StringLike").putArray("kms:ViaService"),
                "qbusiness." + region + ".amazonaws.com", "qapps." + region + ".amazonaws.com");
        statement(statements, "QAppsResourceAgnosticPermissions", List.of("qapps:CreateQApp", "qapps:PredictQApp",
                "qapps:PredictProblemStatementFromConversation", "qapps:PredictQAppFromProblemStatement",
                "qapps:ListQApps", "qapps:ListLibraryItems", "qapps:CreateSubscriptionToken")).put("Resource", app);
        statement(statements, "QAppsAppUniversalPermissions", List.of("qapps:DisassociateQAppFromUser"))
                .put("Resource", qapps);
        qappsConditional(statements, "QAppsAppOwnerPermissions", List.of("qapps:GetQApp", "qapps:CopyQApp",
                "qapps:UpdateQApp", "qapps:DeleteQApp", "qapps:ImportDocument", "qapps:ImportDocumentToQApp",
                "qapps:CreateLibraryItem", "qapps:UpdateLibraryItem", "qapps:StartQAppSession"),
                qapps, "qapps:UserIsAppOwner");
        qappsConditional(statements, "QAppsPublishedAppPermissions", List.of("qapps:GetQApp", "qapps:CopyQApp",
                "qapps:AssociateQAppWithUser", "qapps:GetLibraryItem", "qapps:CreateLibraryItemReview",
                "qapps:AssociateLibraryItemReview", "qapps:DisassociateLibraryItemReview",
                "qapps:StartQAppSession"), qapps, "qapps:AppIsPublished");
        qappsConditional(statements, "QAppsAppSessionModeratorPermissions", List.of("qapps:ImportDocument",
                "qapps:ImportDocumentToQAppSession", "qapps:GetQAppSession", "qapps:GetQAppSessionMetadata",
                "qapps:UpdateQAppSession", "qapps:UpdateQAppSessionMetadata", "qapps:StopQAppSession"),
                qapps + "/session/*", "qapps:UserIsSessionModerator");
        qappsConditional(statements, "QAppsSharedAppSessionPermissions", List.of("qapps:ImportDocument",
                "qapps:ImportDocumentToQAppSession", "qapps:GetQAppSession", "qapps:GetQAppSessionMetadata",
                "qapps:UpdateQAppSession"), qapps + "/session/*", "qapps:SessionIsShared");
        return doc.toString();
    }

    /** Trust for users of the OIDC provider whose token's audience is the client id and who carry an Email tag. */
    public static String oidcWebExperienceTrust(String accountId, String issuerWithoutScheme, String clientId) {
        String provider = "arn:aws:iam::" + accountId + ":oidc-provider/" + issuerWithoutScheme;
        ObjectNode doc = document();
        ArrayNode statements = doc.putArray("Statement");
        ObjectNode assume = federated(statements, provider, "sts:AssumeRoleWithWebIdentity");
        assume.putObject("Condition").putObject("StringEquals").put(issuerWithoutScheme + ":aud", clientId);
        emailTagRequired(federated(statements, provider, "sts:TagSession"));
        return doc.toString();
    }

    /** Trust for users of the SAML provider whose assertion was addressed to one of the two ACS URLs. */
    public static String samlWebExperienceTrust(String samlProviderArn, String regionalSigninUrl, String customAcsUrl) {
        ObjectNode doc = document();
        ArrayNode statements = doc.putArray("Statement");
        ObjectNode assume = federated(statements, samlProviderArn, "sts:AssumeRoleWithSAML");
        strings(assume.putObject("Condition").putObject("StringEquals").putArray("SAML:aud"),
                regionalSigninUrl, customAcsUrl);
        emailTagRequired(federated(statements, samlProviderArn, "sts:TagSession"));
        return doc.toString();
    }

    /** Lets the role read the secret holding the IdP client secret (and decrypt it, where KMS exists). */
    public static String secretsManagerPermissions(String region, String accountId, String secretId,
                                                   String secretEncryptionKey) {
        ObjectNode doc = document();
        ArrayNode statements = doc.putArray("Statement");
        resources(statement(statements, "AllowsAmazonQToGetSecret", List.of("secretsmanager:GetSecretValue")),
                secretArn(region, accountId, secretId));
        ObjectNode kms = resources(statement(statements, "AllowsAmazonQToDecryptSecret", List.of("kms:Decrypt")),
                kmsKeyArn(region, accountId, secretEncryptionKey));
        strings(kms.putObject("Condition").putObject("StringLike").putArray("kms:ViaService"),
                "secretsmanager.*.amazonaws.com");
        return doc.toString();
    }

    /** Lets the Q Business service assume the secrets role, for this account's application only. */
    public static String secretsManagerTrust(String region, String accountId, String applicationId) {
        ObjectNode doc = document();
        ObjectNode s = doc.putArray("Statement").addObject();
        s.put("Sid", "AllowsAmazonQToAssumeRoleForServicePrincipal");
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", "application.qbusiness.amazonaws.com");
        s.put("Action", "sts:AssumeRole");
        ObjectNode condition = s.putObject("Condition");
        condition.putObject("StringEquals").put("aws:SourceAccount", accountId);
        condition.putObject("ArnLike").put("aws:SourceArn",
                "arn:aws:qbusiness:" + region + ":" + accountId + ":application/" + applicationId);
        return doc.toString();
    }

    public static String secretArn(String region, String accountId, String secretId) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + secretId;
    }

    static String kmsKeyArn(String region, String accountId, String secretEncryptionKey) {
        return "arn:aws:kms:" + region + ":" + accountId + ":" + secretEncryptionKey;
    }

    private static ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", "2012-10-17");
        return doc;
    }

    private static ObjectNode statement(ArrayNode statements, String sid, List<String> actions) {
        ObjectNode s = statements.addObject();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        actions.forEach(s.putArray("Action")::add);
        return s;
    }

    private static void qappsConditional(ArrayNode statements, String sid, List<String> actions, String resource,
                                         String conditionKey) {
        statement(statements, sid, actions).put("Resource", resource)
                .putObject("Condition").putObject("StringEqualsIgnoreCase").put(conditionKey, "true");
    }

    private static ObjectNode federated(ArrayNode statements, String providerArn, String action) {
        ObjectNode s = statements.addObject();
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Federated", providerArn);
        s.put("Action", action);
        return s;
    }

    private static void emailTagRequired(ObjectNode statement) {
        statement.putObject("Condition").putObject("StringLike").put("aws:RequestTag/Email", "*");
    }

    private static ObjectNode resources(ObjectNode statement, String... arns) {
        strings(statement.putArray("Resource"), arns);
        return statement;
    }

    private static void strings(ArrayNode array, String... values) {
        for (String v : values) {
            array.add(v);
        }
    }
}
