package dev.quire.core.qbusiness.subscriptions;

/**
 * A subscription as of now.
 *
 * @param currentType the tier in force this month; null once a cancellation has taken effect
 * @param nextType    the tier for next month; null when cancelled
 */
public record Subscription(String subscriptionId, String subscriptionArn, SubscriptionPrincipal principal,
                           SubscriptionType currentType, SubscriptionType nextType) {
    public boolean active() {
        return currentType != null;
    }
}
