package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.core.qbusiness.chatcontrols.ChatControls;
import dev.quire.core.qbusiness.chatcontrols.ChatControlsConfiguration;
import dev.quire.core.qbusiness.chatcontrols.ChatControlsUpdate;
import dev.quire.core.qbusiness.chatcontrols.TopicConfiguration;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Chat controls: Get/Update (PATCH)/Delete. Topic configurations page with maxResults/nextToken on Get. */
public final class ChatControlsArea implements QBusinessArea {
    private static final String TOKEN_PREFIX = "topics:";

    private final ChatControls controls;

    public ChatControlsArea(ChatControls controls) {
        this.controls = controls;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("GetChatControlsConfiguration", this::get, "UpdateChatControlsConfiguration", this::update,
                "DeleteChatControlsConfiguration", this::delete);
    }

    private WireResponse get(QBusinessCall call) {
        ChatControlsConfiguration c = controls.get(call.label("applicationId"));
        Integer maxResults = QueryInput.integer(call, "maxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and 100.");
        }
        int limit = maxResults == null ? 100 : maxResults;
        int offset = offset(call.input().queryParam("nextToken"));
        ObjectNode body = JsonResponses.object();
        body.put("responseScope", c.responseScope());
        ObjectNode blocked = body.putObject("blockedPhrases");
        ControlPlaneOutput.putStrings(blocked, "blockedPhrases", c.blockedPhrases());
        ControlPlaneOutput.put(blocked, "systemMessageOverride", c.blockedPhrasesSystemMessageOverride());
        ArrayNode topics = body.putArray("topicConfigurations");
        controls.topicPage(c, offset, limit).forEach(t -> topics.add(StoredJson.MAPPER.valueToTree(t)));
        if (offset + limit < c.topicConfigurations().size()) {
            body.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((TOKEN_PREFIX + (offset + limit)).getBytes(StandardCharsets.UTF_8)));
        }
        body.putObject("creatorModeConfiguration").put("creatorModeControl", c.creatorModeControl());
        body.putObject("orchestrationConfiguration").put("control", c.orchestrationControl());
        if (c.hallucinationReductionControl() != null) {
            body.putObject("hallucinationReductionConfiguration")
                    .put("hallucinationReductionControl", c.hallucinationReductionControl());
        }
        return JsonResponses.ok(body);
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(raw.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the ValidationException below
        }
        throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
    }

    private WireResponse update(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        ControlPlaneInput blocked = in.object("blockedPhrasesConfigurationUpdate");
        List<TopicConfiguration> upserts = in.objects("topicConfigurationsToCreateOrUpdate", 10).stream()
                .map(ChatControlsArea::topic).toList();
        List<String> deletions = in.objects("topicConfigurationsToDelete", 10).stream()
                .map(t -> t.requiredString("name", 1, 36)).toList();
        controls.update(call.label("applicationId"), new ChatControlsUpdate(
                in.enumValue("responseScope", List.of("ENTERPRISE_CONTENT_ONLY", "EXTENDED_KNOWLEDGE_ENABLED")),
                blocked == null ? null : blocked.strings("blockedPhrasesToCreateOrUpdate", 20, 1, 36),
                blocked == null ? null : blocked.strings("blockedPhrasesToDelete", 20, 0, 36),
                blocked == null ? null : blocked.string("systemMessageOverride", 0, 350),
                upserts, deletions,
                ApplicationsArea.control(in, "creatorModeConfiguration", "creatorModeControl"),
                ApplicationsArea.control(in, "orchestrationConfiguration", "control"),
                ApplicationsArea.control(in, "hallucinationReductionConfiguration", "hallucinationReductionControl")));
        return ControlPlaneOutput.empty();
    }

    private static TopicConfiguration topic(ControlPlaneInput t) {
        String name = t.requiredString("name", 1, 36);
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9-]{0,35}")) {
            throw t.invalid("name", "must start with a letter or digit and hold only letters, digits and -.");
        }
        if (!t.has("rules")) {
            throw t.invalid("rules", "is required.");
        }
        List<TopicConfiguration.Rule> rules = t.objects("rules", 10).stream().map(ChatControlsArea::rule).toList();
        return new TopicConfiguration(name, t.string("description", 0, 350),
                t.strings("exampleChatMessages", 5, 0, 350), rules);
    }

    private static TopicConfiguration.Rule rule(ControlPlaneInput r) {
        String type = r.requiredEnum("ruleType", List.of("CONTENT_BLOCKER_RULE", "CONTENT_RETRIEVAL_RULE"));
        TopicConfiguration.RuleConfiguration configuration = null;
        ControlPlaneInput c = r.object("ruleConfiguration");
        if (c != null) {
            String member = c.unionMember("ruleConfiguration", List.of("contentBlockerRule", "contentRetrievalRule"));
            ControlPlaneInput m = c.object(member);
            configuration = member.equals("contentBlockerRule")
                    ? new TopicConfiguration.RuleConfiguration(new TopicConfiguration.ContentBlockerRule(
                            m.string("systemMessageOverride", 0, 350)), null)
                    : new TopicConfiguration.RuleConfiguration(null, new TopicConfiguration.ContentRetrievalRule(
                            m.objects("eligibleDataSources", 5).stream().map(d -> new TopicConfiguration
                                    .EligibleDataSource(d.string("indexId", 36, 36), d.string("dataSourceId", 36, 36)))
                                    .toList()));
            boolean blocker = member.equals("contentBlockerRule");
            if (blocker != type.equals("CONTENT_BLOCKER_RULE")) {
                throw r.invalid("ruleConfiguration", "must match ruleType " + type + ".");
            }
        }
        return new TopicConfiguration.Rule(type, usersAndGroups(r.object("includedUsersAndGroups")),
                usersAndGroups(r.object("excludedUsersAndGroups")), configuration);
    }

    private static TopicConfiguration.UsersAndGroups usersAndGroups(ControlPlaneInput u) {
        return u == null ? null : new TopicConfiguration.UsersAndGroups(u.strings("userIds", 100, 1, 1024),
                u.strings("userGroups", 100, 1, 1024));
    }

    private WireResponse delete(QBusinessCall call) {
        controls.reset(call.label("applicationId"));
        return ControlPlaneOutput.empty();
    }
}
