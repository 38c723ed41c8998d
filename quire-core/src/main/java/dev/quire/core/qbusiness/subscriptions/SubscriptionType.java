package dev.quire.core.qbusiness.subscriptions;

/** Pricing tiers, in ascending order: moving to a later constant is an upgrade. */
public enum SubscriptionType {
    Q_LITE, Q_BUSINESS;

    public boolean isUpgradeFrom(SubscriptionType other) {
        return compareTo(other) > 0;
    }
}
