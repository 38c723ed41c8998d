package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.subscriptions.Subscription;
import dev.quire.core.qbusiness.subscriptions.SubscriptionPrincipal;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.qbusiness.subscriptions.SubscriptionType;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Map;

/** Subscriptions: Create/Update/List/CancelSubscription. */
public final class SubscriptionsArea implements QBusinessArea {
    private static final List<String> TYPES = List.of("Q_LITE", "Q_BUSINESS");

    private final SubscriptionService subscriptions;

    public SubscriptionsArea(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateSubscription", this::create, "UpdateSubscription", this::update,
                "ListSubscriptions", this::list, "CancelSubscription", this::cancel);
    }

    private WireResponse create(QBusinessCall call) {
        JsonInput body = call.body();
        ObjectNode p = body.object("principal");
        if (p == null) {
            throw ApiError.invalidField("principal", "principal is required.");
        }
        JsonInput principal = new JsonInput(p);
        String user = UsersArea.named("principal.user", () -> principal.string("user", 1, UsersArea.MAX_USER_ID));
        String group = UsersArea.named("principal.group", () -> principal.string("group", 1, 1024));
        if ((user == null) == (group == null) || p.size() != 1) {
            throw ApiError.invalidField("principal", "principal must have exactly one member: user or group.");
        }
        Subscription s = subscriptions.create(call.label("applicationId"), call.region(),
                new SubscriptionPrincipal(user, group), type(body), body.string("clientToken", 1, 100));
        ObjectNode out = details(s);
        out.put("subscriptionId", s.subscriptionId());
        return JsonResponses.ok(out);
    }

    private WireResponse update(QBusinessCall call) {
        return JsonResponses.ok(details(subscriptions.update(call.label("applicationId"),
                call.label("subscriptionId"), type(call.body()))));
    }

    private WireResponse cancel(QBusinessCall call) {
        return JsonResponses.ok(details(subscriptions.cancel(call.label("applicationId"),
                call.label("subscriptionId"))));
    }

    private WireResponse list(QBusinessCall call) {
        Page<Subscription> page = subscriptions.list(call.label("applicationId"),
                call.input().queryParam("nextToken"), QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode items = body.putArray("subscriptions");
        for (Subscription s : page.items()) {
            ObjectNode n = details(s);
            n.put("subscriptionId", s.subscriptionId());
            ObjectNode principal = n.putObject("principal");
            if (s.principal().user() != null) {
                principal.put("user", s.principal().user());
            } else {
                principal.put("group", s.principal().group());
            }
            items.add(n);
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }

    private static SubscriptionType type(JsonInput body) {
        String type = body.enumValue("type", TYPES);
        if (type == null) {
            throw ApiError.invalidField("type", "type is required.");
        }
        return SubscriptionType.valueOf(type);
    }

    /** subscriptionArn, currentSubscription and nextSubscription (absent when none). */
    private static ObjectNode details(Subscription s) {
        ObjectNode n = JsonResponses.object();
        n.put("subscriptionArn", s.subscriptionArn());
        if (s.currentType() != null) {
            n.putObject("currentSubscription").put("type", s.currentType().name());
        }
        if (s.nextType() != null) {
            n.putObject("nextSubscription").put("type", s.nextType().name());
        }
        return n;
    }
}
