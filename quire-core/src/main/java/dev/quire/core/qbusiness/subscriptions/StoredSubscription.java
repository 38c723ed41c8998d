package dev.quire.core.qbusiness.subscriptions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The stored form: {@code current} holds until {@code changeAt} (the first instant of the next
 * month, UTC), then {@code next} takes over. Upgrades apply at once; downgrades and cancellations
 * at the start of next month, as Amazon Q Business documents.
 */
record StoredSubscription(String subscriptionId, String subscriptionArn, SubscriptionPrincipal principal,
                          SubscriptionType current, SubscriptionType next, Instant changeAt, Instant createdAt) {

    /** What holds at {@code now}, with any due change applied. */
    StoredSubscription asOf(Instant now) {
        if (changeAt != null && !now.isBefore(changeAt)) {
            return new StoredSubscription(subscriptionId, subscriptionArn, principal, next, next, null, createdAt);
        }
        return this;
    }

    Subscription view() {
        return new Subscription(subscriptionId, subscriptionArn, principal, current, next);
    }

    /** UpdateSubscription (and re-subscribing a cancelled principal). */
    StoredSubscription changeTo(SubscriptionType type, Instant now) {
        StoredSubscription s = asOf(now);
        if (s.current == null || type.isUpgradeFrom(s.current) || type == s.current) {
            return new StoredSubscription(subscriptionId, subscriptionArn, principal, type, type, null, createdAt);
        }
        return new StoredSubscription(subscriptionId, subscriptionArn, principal, s.current, type,
                startOfNextMonth(now), createdAt);
    }

    StoredSubscription cancel(Instant now) {
        StoredSubscription s = asOf(now);
        if (s.current == null) {
            return s;
        }
        return new StoredSubscription(subscriptionId, subscriptionArn, principal, s.current, null,
                startOfNextMonth(now), createdAt);
    }

    static Instant startOfNextMonth(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        return t.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
