package dev.quire.core.qbusiness.webexperience;

import dev.quire.core.qbusiness.tags.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A web experience. {@code status} and {@code defaultEndpoint} are derived when read: ACTIVE once
 * it has an identity provider (or its application is ANONYMOUS), else PENDING_AUTH_CONFIG, as in
 * Amazon Q Business.
 */
public record WebExperience(String applicationId, String webExperienceId, String webExperienceArn,
                            WebExperienceSettings settings, String status, String defaultEndpoint,
                            Instant createdAt, Instant updatedAt) {

    WebExperience derived(String newStatus, String endpoint, Instant created, Instant updated) {
        return new WebExperience(applicationId, webExperienceId, webExperienceArn, settings, newStatus, endpoint,
                created, updated);
    }

    WebExperience with(WebExperienceSettings c) {
        WebExperienceSettings s = settings;
        return new WebExperience(applicationId, webExperienceId, webExperienceArn, new WebExperienceSettings(
                or(c.title(), s.title()), or(c.subtitle(), s.subtitle()), or(c.welcomeMessage(), s.welcomeMessage()),
                or(c.samplePromptsControlMode(), s.samplePromptsControlMode()), or(c.origins(), s.origins()),
                or(c.roleArn(), s.roleArn()), or(c.identityProvider(), s.identityProvider()),
                or(c.browserExtensions(), s.browserExtensions()), or(c.customization(), s.customization())),
                null, null, createdAt, updatedAt);
    }

    private static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }

    /** A CreateWebExperience request; its JSON is the idempotency fingerprint. */
    public record Create(WebExperienceSettings settings, List<Tag> tags) {
        public Create {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
