package dev.quire.identity.oidc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads AWS session tags from the {@code https://aws.amazon.com/tags} claim and applies STS's limits
 * (tagKeyType / tagValueType / tagListType in the STS model): at most 50 tags, keys 1..128 and values
 * 0..256 characters from {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}, keys unique ignoring case.
 * A tag value may be a string or a one-element array of strings (Keycloak's multivalued mapper).
 */
final class SessionTagsClaim {

    static final String CLAIM = "https://aws.amazon.com/tags";
    static final int MAX_TAGS = 50;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    record SessionTags(Map<String, String> principalTags, List<String> transitiveTagKeys) {
        static final SessionTags NONE = new SessionTags(Map.of(), List.of());
    }

    private SessionTagsClaim() {
    }

    static SessionTags parse(Object claim) throws WebIdentityException {
        if (claim == null) {
            return SessionTags.NONE;
        }
        if (!(claim instanceof Map<?, ?> tagsObject)) {
            throw WebIdentityException.invalid("The " + CLAIM + " claim must be a JSON object");
        }
        Map<String, String> principalTags = principalTags(tagsObject.get("principal_tags"));
        List<String> transitive = transitiveKeys(tagsObject.get("transitive_tag_keys"), principalTags);
        return new SessionTags(principalTags, transitive);
    }

    private static Map<String, String> principalTags(Object raw) throws WebIdentityException {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw WebIdentityException.invalid("principal_tags must be a JSON object");
        }
        if (map.size() > MAX_TAGS) {
            throw WebIdentityException.invalid("A token may carry at most " + MAX_TAGS + " session tags");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Set<String> seenLowerCase = new HashSet<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            checkKey(key);
            if (!seenLowerCase.add(key.toLowerCase(Locale.ROOT))) {
                throw WebIdentityException.invalid("Duplicate session tag key (keys are case-insensitive): " + key);
            }
            tags.put(key, tagValue(key, entry.getValue()));
        }
        return tags;
    }

    private static String tagValue(String key, Object raw) throws WebIdentityException {
        Object value = raw;
        if (raw instanceof List<?> list) {
            if (list.size() != 1) {
                throw WebIdentityException.invalid("Session tag " + key + " must have exactly one value");
            }
            value = list.get(0);
        }
        if (!(value instanceof String s)) {
            throw WebIdentityException.invalid("Session tag " + key + " must have a string value");
        }
        if (s.length() > MAX_VALUE_LENGTH || !VALUE.matcher(s).matches()) {
            throw WebIdentityException.invalid("Session tag " + key + " has a value that is too long or has characters STS does not allow");
        }
        return s;
    }

    private static void checkKey(String key) throws WebIdentityException {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw WebIdentityException.invalid("Session tag key is empty, longer than " + MAX_KEY_LENGTH
                    + " characters, or has characters STS does not allow");
        }
    }

    private static List<String> transitiveKeys(Object raw, Map<String, String> principalTags) throws WebIdentityException {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw WebIdentityException.invalid("transitive_tag_keys must be a JSON array");
        }
        if (list.size() > MAX_TAGS) {
            throw WebIdentityException.invalid("A token may mark at most " + MAX_TAGS + " transitive tag keys");
        }
        List<String> keys = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String key)) {
                throw WebIdentityException.invalid("transitive_tag_keys must contain strings");
            }
            checkKey(key);
            // A transitive key must name a tag of this session, as STS requires for AssumeRole.
            if (!principalTags.containsKey(key)) {
                throw WebIdentityException.invalid("Transitive tag key " + key + " is not one of the principal_tags");
            }
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
