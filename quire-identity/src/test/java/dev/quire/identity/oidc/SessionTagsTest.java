package dev.quire.identity.oidc;

import static dev.quire.identity.oidc.WebIdentityException.Code.INVALID_IDENTITY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The https://aws.amazon.com/tags claim, in both shapes Keycloak emits, and STS's tag limits. */
class SessionTagsTest extends OidcFixture {

    private String tokenWithTags(Object tagsClaim) {
        return sign(rsaKey, claims().claim(SessionTagsClaim.CLAIM, tagsClaim).build());
    }

    private static Map<String, Object> principalTags(Map<String, Object> tags) {
        return Map.of("principal_tags", tags);
    }

    @Test
    void acceptsEmailAsAStringOrAOneElementArray() throws Exception {
        VerifiedWebIdentity plain = accepted(tokenWithTags(principalTags(Map.of("Email", "mary@example.com"))));
        assertThat(plain.principalTags()).containsExactly(Map.entry("Email", "mary@example.com"));
        VerifiedWebIdentity multivalued = accepted(tokenWithTags(principalTags(Map.of("Email", List.of("mary@example.com")))));
        assertThat(multivalued.principalTags()).containsExactly(Map.entry("Email", "mary@example.com"));
        assertThat(accepted(validToken()).principalTags()).isEmpty();
    }

    @Test
    void rejectsTwoValuesOrNonStrings() throws Exception {
        accepted(tokenWithTags(principalTags(Map.of("Email", List.of("mary@example.com")))));
        rejected(tokenWithTags(principalTags(Map.of("Email", List.of("mary@example.com", "ceo@example.com")))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", List.of()))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", 42))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", List.of(42)))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", Map.of("a", "b")))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags("Email=mary@example.com"), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(Map.of("principal_tags", List.of("Email"))), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void rejectsAnotherUsersEmailInAnAttackerSignedToken() throws Exception {
        Map<String, Object> tags = principalTags(Map.of("Email", List.of("mary@example.com")));
        assertThat(accepted(tokenWithTags(tags)).principalTags()).containsEntry("Email", "mary@example.com");
        String forged = sign(attackerRsaKey, claims()
                .claim(SessionTagsClaim.CLAIM, principalTags(Map.of("Email", List.of("ceo@example.com")))).build());
        rejected(forged, INVALID_IDENTITY_TOKEN);
    }

    @Test
    void readsTransitiveTagKeysThatNameExistingTags() throws Exception {
        Map<String, Object> tags = Map.of("principal_tags", Map.of("Email", "mary@example.com", "Dept", "finance"),
                "transitive_tag_keys", List.of("Dept"));
        assertThat(accepted(tokenWithTags(tags)).transitiveTagKeys()).containsExactly("Dept");
        rejected(tokenWithTags(Map.of("principal_tags", Map.of("Email", "mary@example.com"),
                "transitive_tag_keys", List.of("Dept"))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(Map.of("principal_tags", Map.of("Dept", "finance"),
                "transitive_tag_keys", "Dept")), INVALID_IDENTITY_TOKEN);
    }

    @Test
    void enforcesStsTagCountLengthAndCharacterLimits() throws Exception {
        Map<String, Object> fifty = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        assertThat(accepted(tokenWithTags(principalTags(fifty))).principalTags()).hasSize(50);
        Map<String, Object> fiftyOne = new LinkedHashMap<>(fifty);
        fiftyOne.put("k50", "v");
        rejected(tokenWithTags(principalTags(fiftyOne)), INVALID_IDENTITY_TOKEN);

        accepted(tokenWithTags(principalTags(Map.of("k".repeat(128), "v".repeat(256)))));
        rejected(tokenWithTags(principalTags(Map.of("k".repeat(129), "v"))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("k", "v".repeat(257)))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("", "v"))), INVALID_IDENTITY_TOKEN);

        accepted(tokenWithTags(principalTags(Map.of("Cost-Center:é/=+@_ 1", "A.b 9"))));
        rejected(tokenWithTags(principalTags(Map.of("Email!", "v"))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", "mary@example.com;admin"))), INVALID_IDENTITY_TOKEN);
        rejected(tokenWithTags(principalTags(Map.of("Email", "a", "email", "b"))), INVALID_IDENTITY_TOKEN);
    }
}
