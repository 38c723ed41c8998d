package dev.quire.core.qbusiness.subscriptions;

/**
 * An application's AutoSubscriptionConfiguration as the chat code passes it in.
 *
 * @param defaultType the tier given to auto-subscribed users; null means Q_BUSINESS
 */
public record AutoSubscription(boolean enabled, SubscriptionType defaultType) {
    public static final AutoSubscription DISABLED = new AutoSubscription(false, null);

    /** From the wire strings (autoSubscribe ENABLED/DISABLED, defaultSubscriptionType); nulls mean DISABLED / Q_BUSINESS. */
    public static AutoSubscription of(String autoSubscribe, String defaultSubscriptionType) {
        return new AutoSubscription("ENABLED".equals(autoSubscribe),
                defaultSubscriptionType == null ? null : SubscriptionType.valueOf(defaultSubscriptionType));
    }

    public SubscriptionType typeToGrant() {
        return defaultType == null ? SubscriptionType.Q_BUSINESS : defaultType;
    }
}
