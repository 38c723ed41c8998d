package dev.quire.core.qbusiness.chatcontrols;

import java.util.List;

/**
 * A topic control: a named subject with example messages and up to 10 rules that block it or
 * narrow retrieval for some users and groups. Member names match the wire shapes.
 */
public record TopicConfiguration(String name, String description, List<String> exampleChatMessages,
                                 List<Rule> rules) {
    public TopicConfiguration {
        exampleChatMessages = exampleChatMessages == null ? List.of() : List.copyOf(exampleChatMessages);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** ruleType CONTENT_BLOCKER_RULE or CONTENT_RETRIEVAL_RULE. */
    public record Rule(String ruleType, UsersAndGroups includedUsersAndGroups,
                       UsersAndGroups excludedUsersAndGroups, RuleConfiguration ruleConfiguration) {
    }

    public record UsersAndGroups(List<String> userIds, List<String> userGroups) {
    }

    /** A union: exactly one member is set. */
    public record RuleConfiguration(ContentBlockerRule contentBlockerRule, ContentRetrievalRule contentRetrievalRule) {
    }

    public record ContentBlockerRule(String systemMessageOverride) {
    }

    public record ContentRetrievalRule(List<EligibleDataSource> eligibleDataSources) {
    }

    public record EligibleDataSource(String indexId, String dataSourceId) {
    }
}
