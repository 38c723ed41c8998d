package dev.quire.core.qbusiness.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.UserStoreFixture;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
    static final AutoSubscription AUTO = new AutoSubscription(true, SubscriptionType.Q_LITE);

    final UserStoreFixture f = new UserStoreFixture();
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T10:00:00Z"));
    final SubscriptionService subs = new SubscriptionService(f.store, clock, "123456789012");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anUnsubscribedUserIsDeniedWithoutAutoSubscription() {
        assertThatThrownBy(() -> subs.requireSubscribed(f.app, "us-east-1", "mary@example.com", AutoSubscription.DISABLED))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo(SubscriptionService.NOT_SUBSCRIBED);
                });
        assertThat(subs.list(f.app, null, null).items()).isEmpty();
    }

    @Test
    void autoSubscriptionLetsTheFirstCallThroughAndSubscribesOnce() {
        Subscription first = subs.requireSubscribed(f.app, "eu-west-1", "Mary@Example.com", AUTO);
        Subscription again = subs.requireSubscribed(f.app, "eu-west-1", "mary@example.com", AutoSubscription.DISABLED);

        assertThat(again.subscriptionId()).isEqualTo(first.subscriptionId());
        assertThat(first.currentType()).isEqualTo(SubscriptionType.Q_LITE);
        assertThat(first.subscriptionArn()).isEqualTo("arn:aws:qbusiness:eu-west-1:123456789012:application/"
                + f.app + "/subscription/" + first.subscriptionId());
    }

    @Test
    void concurrentFirstCallsCreateOneSubscription() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Subscription>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Callable<Subscription> call = () -> {
                start.await();
                return subs.requireSubscribed(f.app, "us-east-1", "race@example.com", AUTO);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Subscription> r : results) {
            ids.add(r.get().subscriptionId());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(subs.list(f.app, null, null).items()).hasSize(1);
    }

    @Test
    void aSubscribedGroupCoversItsMembersThroughNestedGroups() {
        Groups groups = new Groups(f.store, clock);
        groups.put(f.app, f.index, new PutGroupRequest("eng", MembershipType.INDEX, null,
                List.of(new MemberUser("mary@example.com", null)), List.of()));
        groups.put(f.app, f.index, new PutGroupRequest("company", MembershipType.INDEX, null,
                List.of(), List.of(new MemberGroup("eng", null))));
        Subscription company = subs.create(f.app, "us-east-1", SubscriptionPrincipal.ofGroup("company"),
                SubscriptionType.Q_BUSINESS, null);

        assertThat(subs.requireSubscribed(f.app, "us-east-1", "MARY@example.com", AutoSubscription.DISABLED)
                .subscriptionId()).isEqualTo(company.subscriptionId());
        assertThatThrownBy(() -> subs.requireSubscribed(f.app, "us-east-1", "bob@example.com", AutoSubscription.DISABLED))
                .isInstanceOf(ApiError.class);
    }

    @Test
    void upgradesApplyNowDowngradesAndCancellationsAtTheStartOfNextMonth() {
        Subscription s = subs.create(f.app, "us-east-1", SubscriptionPrincipal.ofUser("mary@example.com"),
                SubscriptionType.Q_LITE, null);

        Subscription up = subs.update(f.app, s.subscriptionId(), SubscriptionType.Q_BUSINESS);
        assertThat(up.currentType()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(up.nextType()).isEqualTo(SubscriptionType.Q_BUSINESS);

        Subscription down = subs.update(f.app, s.subscriptionId(), SubscriptionType.Q_LITE);
        assertThat(down.currentType()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(down.nextType()).isEqualTo(SubscriptionType.Q_LITE);

        clock.now = Instant.parse("2025-03-31T23:59:59Z");
        assertThat(subs.list(f.app, null, null).items().get(0).currentType()).isEqualTo(SubscriptionType.Q_BUSINESS);
        clock.now = Instant.parse("2025-04-01T00:00:00Z");
        assertThat(subs.list(f.app, null, null).items().get(0).currentType()).isEqualTo(SubscriptionType.Q_LITE);

        Subscription cancelled = subs.cancel(f.app, s.subscriptionId());
        assertThat(cancelled.currentType()).isEqualTo(SubscriptionType.Q_LITE);
        assertThat(cancelled.nextType()).isNull();
        assertThat(subs.requireSubscribed(f.app, "us-east-1", "mary@example.com", AutoSubscription.DISABLED))
                .isNotNull();

        clock.now = Instant.parse("2025-05-01T00:00:00Z");
        assertThat(subs.list(f.app, null, null).items()).isEmpty();
        assertThatThrownBy(() -> subs.requireSubscribed(f.app, "us-east-1", "mary@example.com", AutoSubscription.DISABLED))
                .isInstanceOf(ApiError.class);
        // subscribing again revives the same subscription
        Subscription back = subs.create(f.app, "us-east-1", SubscriptionPrincipal.ofUser("mary@example.com"),
                SubscriptionType.Q_LITE, null);
        assertThat(back.subscriptionId()).isEqualTo(s.subscriptionId());
        assertThat(back.currentType()).isEqualTo(SubscriptionType.Q_LITE);
    }

    @Test
    void aPrincipalHasOneSubscription() {
        subs.create(f.app, "us-east-1", SubscriptionPrincipal.ofUser("mary@example.com"), SubscriptionType.Q_LITE, null);
        assertThatThrownBy(() -> subs.create(f.app, "us-east-1", SubscriptionPrincipal.ofUser("MARY@example.com"),
                SubscriptionType.Q_BUSINESS, null))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
