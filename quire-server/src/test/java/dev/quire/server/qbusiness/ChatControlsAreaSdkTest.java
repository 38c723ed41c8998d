package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.chatcontrols.ChatControls;
import dev.quire.core.qbusiness.chatcontrols.ChatControlsConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.CreatorModeControl;
import software.amazon.awssdk.services.qbusiness.model.GetChatControlsConfigurationResponse;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.ResponseScope;
import software.amazon.awssdk.services.qbusiness.model.RuleType;
import software.amazon.awssdk.services.qbusiness.model.TopicConfiguration;

/** Get/Update/DeleteChatControlsConfiguration through the AWS SDK, and the read chat uses. */
class ChatControlsAreaSdkTest {
    @TempDir
    static Path dataDir;
    static ControlPlane cp;

    @BeforeAll
    static void start() {
        cp = ControlPlane.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    private static TopicConfiguration topic(String name, String message) {
        return TopicConfiguration.builder().name(name).description("about " + name).exampleChatMessages("tell me " + name)
                .rules(r -> r.ruleType(RuleType.CONTENT_BLOCKER_RULE)
                        .includedUsersAndGroups(u -> u.userGroups("contractors"))
                        .ruleConfiguration(c -> c.contentBlockerRule(b -> b.systemMessageOverride(message))))
                .build();
    }

    @Test
    void defaultsAreEnterpriseContentOnlyWithNothingBlocked() {
        String app = cp.anonymousApp("cc-default");
        GetChatControlsConfigurationResponse c = cp.qb.getChatControlsConfiguration(r -> r.applicationId(app));
        assertThat(c.responseScope()).isEqualTo(ResponseScope.ENTERPRISE_CONTENT_ONLY);
        assertThat(c.blockedPhrases().blockedPhrases()).isEmpty();
        assertThat(c.topicConfigurations()).isEmpty();
        assertThat(c.creatorModeConfiguration().creatorModeControl()).isEqualTo(CreatorModeControl.DISABLED);
        assertThat(c.nextToken()).isNull();
    }

    @Test
    void patchesAccumulateAndChatReadsThem() {
        String app = cp.anonymousApp("cc-patch");
        cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app)
                .responseScope(ResponseScope.EXTENDED_KNOWLEDGE_ENABLED)
                .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToCreateOrUpdate("salary", "layoffs")
                        .systemMessageOverride("I can't discuss that."))
                .topicConfigurationsToCreateOrUpdate(topic("mergers", "No M&A talk."))
                .creatorModeConfiguration(m -> m.creatorModeControl(CreatorModeControl.ENABLED))
                .orchestrationConfiguration(o -> o.control("ENABLED")));
        cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app)
                .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToDelete("layoffs")
                        .blockedPhrasesToCreateOrUpdate("bonus"))
                .topicConfigurationsToCreateOrUpdate(topic("mergers", "Ask legal."), topic("payroll", "No.")));

        GetChatControlsConfigurationResponse c = cp.qb.getChatControlsConfiguration(r -> r.applicationId(app));
        assertThat(c.responseScope()).isEqualTo(ResponseScope.EXTENDED_KNOWLEDGE_ENABLED);
        assertThat(c.blockedPhrases().blockedPhrases()).containsExactly("salary", "bonus");
        assertThat(c.blockedPhrases().systemMessageOverride()).isEqualTo("I can't discuss that.");
        assertThat(c.creatorModeConfiguration().creatorModeControl()).isEqualTo(CreatorModeControl.ENABLED);
        assertThat(c.orchestrationConfiguration().controlAsString()).isEqualTo("ENABLED");
        assertThat(c.topicConfigurations()).extracting(TopicConfiguration::name).containsExactly("mergers", "payroll");
        TopicConfiguration mergers = c.topicConfigurations().get(0);
        assertThat(mergers.rules().get(0).ruleConfiguration().contentBlockerRule().systemMessageOverride())
                .isEqualTo("Ask legal.");
        assertThat(mergers.rules().get(0).includedUsersAndGroups().userGroups()).containsExactly("contractors");
        assertThat(mergers.exampleChatMessages()).containsExactly("tell me mergers");

        cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app)
                .topicConfigurationsToDelete(TopicConfiguration.builder().name("mergers").rules(List.of()).build()));
        ChatControlsConfiguration forChat = new ChatControls(cp.store).get(app);
        assertThat(forChat.topicConfigurations()).extracting(t -> t.name()).containsExactly("payroll");
        assertThat(forChat.blockedPhrases()).containsExactly("salary", "bonus");
        assertThat(forChat.responseScope()).isEqualTo("EXTENDED_KNOWLEDGE_ENABLED");

        cp.qb.deleteChatControlsConfiguration(r -> r.applicationId(app));
        assertThat(new ChatControls(cp.store).get(app)).isEqualTo(ChatControlsConfiguration.DEFAULTS);
    }

    @Test
    void topicConfigurationsPageOneAtATime() {
        String app = cp.anonymousApp("cc-pages");
        cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app).topicConfigurationsToCreateOrUpdate(
                topic("t1", "a"), topic("t2", "b"), topic("t3", "c")));
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            String t = next;
            var page = cp.qb.getChatControlsConfiguration(r -> r.applicationId(app).maxResults(1).nextToken(t));
            page.topicConfigurations().forEach(c -> seen.add(c.name()));
            next = page.nextToken();
        } while (next != null);
        assertThat(seen).containsExactly("t1", "t2", "t3");
        assertInvalid("nextToken", () -> cp.qb.getChatControlsConfiguration(r -> r.applicationId(app)
                .nextToken("bogus")));
    }

    @Test
    void limitsAndShapesAreValidated() {
        String app = cp.anonymousApp("cc-invalid");
        List<String> many = IntStream.range(0, 21).mapToObj(i -> "phrase" + i).toList();
        assertInvalid("blockedPhrasesConfigurationUpdate.blockedPhrasesToCreateOrUpdate", () -> cp.qb
                .updateChatControlsConfiguration(r -> r.applicationId(app)
                        .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToCreateOrUpdate(many))));
        assertInvalid("blockedPhrasesConfigurationUpdate.blockedPhrasesToCreateOrUpdate", () -> cp.qb
                .updateChatControlsConfiguration(r -> r.applicationId(app)
                        .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToCreateOrUpdate("x".repeat(37)))));
        assertInvalid("topicConfigurationsToCreateOrUpdate[0].name", () -> cp.qb.updateChatControlsConfiguration(
                r -> r.applicationId(app).topicConfigurationsToCreateOrUpdate(topic("bad name", "m"))));
        assertInvalid("responseScope", () -> cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app)
                .responseScope("EVERYTHING")));
        assertInvalid("topicConfigurationsToCreateOrUpdate[0].rules[0].ruleConfiguration", () -> cp.qb
                .updateChatControlsConfiguration(r -> r.applicationId(app).topicConfigurationsToCreateOrUpdate(
                        TopicConfiguration.builder().name("t").rules(x -> x.ruleType(RuleType.CONTENT_RETRIEVAL_RULE)
                                .ruleConfiguration(c -> c.contentBlockerRule(b -> b.systemMessageOverride("m"))))
                                .build())));
        assertThat(cp.qb.getChatControlsConfiguration(r -> r.applicationId(app)).blockedPhrases().blockedPhrases())
                .isEmpty();
    }

    @Test
    void unknownApplicationIsNotFound() {
        String missing = UUID.randomUUID().toString();
        assertFails(ResourceNotFoundException.class, 404,
                () -> cp.qb.getChatControlsConfiguration(r -> r.applicationId(missing)));
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.updateChatControlsConfiguration(r -> r
                .applicationId(missing).responseScope(ResponseScope.ENTERPRISE_CONTENT_ONLY)));
    }
}
