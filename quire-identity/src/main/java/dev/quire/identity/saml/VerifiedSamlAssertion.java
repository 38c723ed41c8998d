package dev.quire.identity.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of a SAML assertion that passed every check of {@link SamlResponseVerifier}.
 *
 * <p>{@code recipient} is the SubjectConfirmationData Recipient: the STS layer exposes it as the
 * condition key {@code SAML:aud} and as the response's {@code Audience}. {@code audiences} are the
 * Conditions audiences (one of them was accepted). {@code notOnOrAfter} is the earliest of the
 * Conditions and SubjectConfirmationData limits. {@code attributes} holds every attribute by Name;
 * the AWS ones are also parsed into the typed fields. {@code sessionDurationSeconds} and
 * {@code sourceIdentity} are null when absent. {@code inResponseTo} names the AuthnRequest the
 * response answers ({@link InResponseTo#NONE} when IdP-initiated); verification does not judge it.
 */
public record VerifiedSamlAssertion(
        String issuer,
        String assertionId,
        String nameId,
        String nameIdFormat,
        String subjectType,
        String recipient,
        List<String> audiences,
        Instant notOnOrAfter,
        Map<String, List<String>> attributes,
        List<RolePair> roles,
        String roleSessionName,
        Map<String, String> principalTags,
        List<String> transitiveTagKeys,
        Integer sessionDurationSeconds,
        String sourceIdentity,
        InResponseTo inResponseTo) {

    public VerifiedSamlAssertion {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(inResponseTo, "inResponseTo");
        audiences = List.copyOf(audiences);
        Map<String, List<String>> attributesCopy = new LinkedHashMap<>();
        attributes.forEach((name, values) -> attributesCopy.put(name, List.copyOf(values)));
        attributes = Collections.unmodifiableMap(attributesCopy);
        roles = List.copyOf(roles);
        principalTags = Collections.unmodifiableMap(new LinkedHashMap<>(principalTags));
        transitiveTagKeys = Collections.unmodifiableList(new ArrayList<>(transitiveTagKeys));
    }

    /**
     * AWS's {@code NameQualifier} ({@code SAML:namequalifier}):
     * base64(SHA1(Issuer + accountId + "/" + providerName)), where providerName is the SAML
     * provider's friendly name (the last segment of its ARN). With {@code nameId} it identifies a
     * federated user uniquely.
     */
    public String nameQualifier(String accountId, String providerName) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((issuer + accountId + "/" + providerName).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}
