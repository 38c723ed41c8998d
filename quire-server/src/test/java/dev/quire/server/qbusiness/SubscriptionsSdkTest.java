package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.CancelSubscriptionResponse;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.CreateSubscriptionResponse;
import software.amazon.awssdk.services.qbusiness.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.Subscription;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionPrincipal;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionType;
import software.amazon.awssdk.services.qbusiness.model.UpdateSubscriptionResponse;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** Create/Update/List/CancelSubscription through the AWS SDK for Java v2. */
class SubscriptionsSdkTest {
    @TempDir
    static Path dataDir;
    static UserStoreQuire q;
    static QBusinessClient qb;
    static String app;

    @BeforeAll
    static void start() {
        q = UserStoreQuire.h2(dataDir);
        qb = q.qb;
        app = q.application();
    }

    @AfterAll
    static void stop() {
        q.close();
    }

    static CreateSubscriptionResponse subscribe(String application, String user, SubscriptionType type) {
        return qb.createSubscription(r -> r.applicationId(application).type(type)
                .principal(SubscriptionPrincipal.fromUser(user)));
    }

    @Test
    void upgradeNowDowngradeNextMonthCancelKeepsThisMonth() {
        CreateSubscriptionResponse created = subscribe(app, "mary@example.com", SubscriptionType.Q_LITE);
        assertThat(created.subscriptionArn()).isEqualTo("arn:aws:qbusiness:us-east-1:123456789012:application/"
                + app + "/subscription/" + created.subscriptionId());
        assertThat(created.currentSubscription().type()).isEqualTo(SubscriptionType.Q_LITE);
        assertThat(created.nextSubscription().type()).isEqualTo(SubscriptionType.Q_LITE);
        String id = created.subscriptionId();

        UpdateSubscriptionResponse up = qb.updateSubscription(r -> r.applicationId(app).subscriptionId(id)
                .type(SubscriptionType.Q_BUSINESS));
        assertThat(up.currentSubscription().type()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(up.nextSubscription().type()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(up.subscriptionArn()).isEqualTo(created.subscriptionArn());

        UpdateSubscriptionResponse down = qb.updateSubscription(r -> r.applicationId(app).subscriptionId(id)
                .type(SubscriptionType.Q_LITE));
        assertThat(down.currentSubscription().type()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(down.nextSubscription().type()).isEqualTo(SubscriptionType.Q_LITE);

        CancelSubscriptionResponse cancelled = qb.cancelSubscription(r -> r.applicationId(app).subscriptionId(id));
        assertThat(cancelled.currentSubscription().type()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(cancelled.nextSubscription()).isNull();
        assertThat(cancelled.subscriptionArn()).isEqualTo(created.subscriptionArn());
    }

    @Test
    void listSubscriptionsPagesThroughEveryPrincipal() {
        String application = q.application();
        for (int i = 0; i < 5; i++) {
            subscribe(application, "user" + i + "@example.com", SubscriptionType.Q_BUSINESS);
        }
        qb.createSubscription(r -> r.applicationId(application).type(SubscriptionType.Q_LITE)
                .principal(SubscriptionPrincipal.fromGroup("core-team")));

        List<Subscription> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListSubscriptionsResponse page = qb.listSubscriptions(r -> r.applicationId(application).maxResults(2).nextToken(t));
            assertThat(page.subscriptions().size()).isLessThanOrEqualTo(2);
            all.addAll(page.subscriptions());
            token = page.nextToken();
        } while (token != null);

        assertThat(all).hasSize(6);
        assertThat(all).filteredOn(s -> "core-team".equals(s.principal().group())).singleElement()
                .satisfies(s -> assertThat(s.currentSubscription().type()).isEqualTo(SubscriptionType.Q_LITE));
        assertThatThrownBy(() -> qb.listSubscriptions(r -> r.applicationId(application).maxResults(101)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> qb.listSubscriptions(r -> r.applicationId(application).nextToken("bogus")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("nextToken"));
    }

    @Test
    void theClientTokenMakesCreateIdempotent() {
        String token = UUID.randomUUID().toString();
        CreateSubscriptionResponse first = qb.createSubscription(r -> r.applicationId(app).clientToken(token)
                .type(SubscriptionType.Q_LITE).principal(SubscriptionPrincipal.fromUser("idem@example.com")));
        CreateSubscriptionResponse again = qb.createSubscription(r -> r.applicationId(app).clientToken(token)
                .type(SubscriptionType.Q_LITE).principal(SubscriptionPrincipal.fromUser("idem@example.com")));
        assertThat(again.subscriptionId()).isEqualTo(first.subscriptionId());

        assertThatThrownBy(() -> qb.createSubscription(r -> r.applicationId(app).clientToken(token)
                .type(SubscriptionType.Q_BUSINESS).principal(SubscriptionPrincipal.fromUser("idem@example.com"))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> subscribe(app, "IDEM@example.com", SubscriptionType.Q_LITE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void invalidAndUnknownInputs() {
        assertThatThrownBy(() -> qb.createSubscription(r -> r.applicationId(app).type(SubscriptionType.Q_LITE)
                .principal(SubscriptionPrincipal.builder().build())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("principal"));
        assertThatThrownBy(() -> qb.createSubscription(r -> r.applicationId(app)
                .principal(SubscriptionPrincipal.fromUser("t@example.com"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields().get(0).name()).isEqualTo("type"));
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> subscribe(missing, "a@example.com", SubscriptionType.Q_LITE))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("APPLICATION"));
        assertThatThrownBy(() -> qb.updateSubscription(r -> r.applicationId(app).subscriptionId(missing)
                .type(SubscriptionType.Q_LITE)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("SUBSCRIPTION"));
        assertThatThrownBy(() -> qb.cancelSubscription(r -> r.applicationId(app).subscriptionId(missing)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
