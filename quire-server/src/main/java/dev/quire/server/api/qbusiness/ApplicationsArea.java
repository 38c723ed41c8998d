package dev.quire.server.api.qbusiness;

import static dev.quire.server.api.qbusiness.ControlPlaneOutput.put;
import static dev.quire.server.api.qbusiness.ControlPlaneOutput.putWrapped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.ApplicationChanges;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.NewApplication;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Map;

/** Applications: Create/Get/List/Update/Delete. */
public final class ApplicationsArea implements QBusinessArea {
    static final List<String> ON_OFF = List.of("ENABLED", "DISABLED");
    private static final List<String> IDENTITY_TYPES =
            List.of("AWS_IAM_IDP_SAML", "AWS_IAM_IDP_OIDC", "AWS_IAM_IDC", "AWS_QUICKSIGHT_IDP", "ANONYMOUS");

    private final Applications applications;

    public ApplicationsArea(Applications applications) {
        this.applications = applications;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateApplication", this::create, "GetApplication", this::get,
                "ListApplications", this::list, "UpdateApplication", this::update,
                "DeleteApplication", this::delete);
    }

    private WireResponse create(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        ControlPlaneInput encryption = in.object("encryptionConfiguration");
        ControlPlaneInput quickSight = in.object("quickSightConfiguration");
        NewApplication request = new NewApplication(in.requiredName("displayName"),
                in.string("description", 0, 1000), in.enumValue("identityType", IDENTITY_TYPES),
                in.string("iamIdentityProviderArn", 20, 2048), in.string("identityCenterInstanceArn", 10, 1224),
                in.strings("clientIdsForOIDC", 100, 1, 255), in.string("roleArn", 0, 1284),
                encryption == null ? null : encryption.string("kmsKeyId", 1, 2048),
                control(in, "attachmentsConfiguration", "attachmentsControlMode"),
                control(in, "qAppsConfiguration", "qAppsControlMode"),
                control(in, "personalizationConfiguration", "personalizationControlMode"),
                quickSight == null ? null : quickSight.requiredString("clientNamespace", 1, 64), in.tags("tags"));
        Application app = applications.create(call.region(), request, in.string("clientToken", 1, 100));
        ObjectNode body = JsonResponses.object();
        body.put("applicationId", app.applicationId());
        body.put("applicationArn", app.applicationArn());
        return JsonResponses.ok(body);
    }

    /** A {@code {"<mode>": ENABLED|DISABLED}} configuration member, or null when absent. */
    static String control(ControlPlaneInput in, String field, String mode) {
        ControlPlaneInput c = in.object(field);
        return c == null ? null : c.requiredEnum(mode, ON_OFF);
    }

    private WireResponse get(QBusinessCall call) {
        Application app = applications.get(call.label("applicationId"));
        ObjectNode a = JsonResponses.object();
        summary(a, app);
        a.put("applicationArn", app.applicationArn());
        put(a, "iamIdentityProviderArn", app.iamIdentityProviderArn());
        put(a, "roleArn", app.roleArn());
        put(a, "description", app.description());
        putWrapped(a, "encryptionConfiguration", "kmsKeyId", app.kmsKeyId());
        a.putObject("attachmentsConfiguration").put("attachmentsControlMode",
                app.attachmentsControlMode() != null ? app.attachmentsControlMode() : "DISABLED");
        putWrapped(a, "qAppsConfiguration", "qAppsControlMode", app.qAppsControlMode());
        putWrapped(a, "personalizationConfiguration", "personalizationControlMode",
                app.personalizationControlMode());
        ObjectNode auto = a.putObject("autoSubscriptionConfiguration");
        auto.put("autoSubscribe", app.autoSubscribe() != null ? app.autoSubscribe() : "DISABLED");
        put(auto, "defaultSubscriptionType", app.defaultSubscriptionType());
        if (!app.clientIdsForOIDC().isEmpty()) {
            ControlPlaneOutput.putStrings(a, "clientIdsForOIDC", app.clientIdsForOIDC());
        }
        putWrapped(a, "quickSightConfiguration", "clientNamespace", app.quickSightClientNamespace());
        return JsonResponses.ok(a);
    }

    private WireResponse list(QBusinessCall call) {
        Page<Application> page = applications.list(call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("applications");
        page.items().forEach(app -> summary(list.addObject(), app));
        ControlPlaneOutput.putNextToken(body, page.nextToken());
        return JsonResponses.ok(body);
    }

    private static void summary(ObjectNode a, Application app) {
        a.put("displayName", app.displayName());
        a.put("applicationId", app.applicationId());
        JsonResponses.putTimestamp(a, "createdAt", app.createdAt());
        JsonResponses.putTimestamp(a, "updatedAt", app.updatedAt());
        a.put("status", app.status());
        a.put("identityType", app.identityType());
    }

    private WireResponse update(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        ControlPlaneInput auto = in.object("autoSubscriptionConfiguration");
        applications.update(call.label("applicationId"), new ApplicationChanges(
                in.name("displayName"), in.string("description", 0, 1000),
                in.string("roleArn", 0, 1284), in.string("identityCenterInstanceArn", 10, 1224),
                control(in, "attachmentsConfiguration", "attachmentsControlMode"),
                control(in, "qAppsConfiguration", "qAppsControlMode"),
                control(in, "personalizationConfiguration", "personalizationControlMode"),
                auto == null ? null : auto.requiredEnum("autoSubscribe", ON_OFF),
                auto == null ? null : auto.enumValue("defaultSubscriptionType", List.of("Q_LITE", "Q_BUSINESS"))));
        return ControlPlaneOutput.empty();
    }

    private WireResponse delete(QBusinessCall call) {
        applications.delete(call.label("applicationId"));
        return ControlPlaneOutput.empty();
    }
}
