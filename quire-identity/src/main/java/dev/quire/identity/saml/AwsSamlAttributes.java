package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.ASSERTION_NS;
import static dev.quire.identity.saml.SamlNames.AWS_ATTRIBUTE_PREFIX;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** The assertion's attributes, and the AWS ones ({@code https://aws.amazon.com/SAML/Attributes/…}) checked and typed. */
record AwsSamlAttributes(
        Map<String, List<String>> all,
        List<RolePair> roles,
        String roleSessionName,
        Map<String, String> principalTags,
        List<String> transitiveTagKeys,
        Integer sessionDurationSeconds,
        String sourceIdentity) {

    static final String ROLE = AWS_ATTRIBUTE_PREFIX + "Role";
    static final String ROLE_SESSION_NAME = AWS_ATTRIBUTE_PREFIX + "RoleSessionName";
    static final String PRINCIPAL_TAG_PREFIX = AWS_ATTRIBUTE_PREFIX + "PrincipalTag:";
    static final String TRANSITIVE_TAG_KEYS = AWS_ATTRIBUTE_PREFIX + "TransitiveTagKeys";
    static final String SESSION_DURATION = AWS_ATTRIBUTE_PREFIX + "SessionDuration";
    static final String SOURCE_IDENTITY = AWS_ATTRIBUTE_PREFIX + "SourceIdentity";

    /** STS's rule for role session names and source identities. */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** IAM tag key and value character sets. */
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:role/.+");
    private static final Pattern PROVIDER_ARN = Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:saml-provider/.+");
    private static final int MAX_SESSION_TAGS = 50;

    static AwsSamlAttributes read(Element assertion) throws SamlException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Element statement : SecureXml.children(assertion, ASSERTION_NS, "AttributeStatement")) {
            for (Element attribute : SecureXml.children(statement, ASSERTION_NS, "Attribute")) {
                String name = SecureXml.requiredAttribute(attribute, "Name");
                List<String> values = all.computeIfAbsent(name, n -> new ArrayList<>());
                for (Element value : SecureXml.children(attribute, ASSERTION_NS, "AttributeValue")) {
                    values.add(SecureXml.text(value));
                }
            }
        }
        return new AwsSamlAttributes(all, roles(all.get(ROLE)), roleSessionName(all),
                principalTags(all), transitiveTagKeys(all), sessionDuration(all), sourceIdentity(all));
    }

    private static List<RolePair> roles(List<String> values) throws SamlException {
        if (values == null || values.isEmpty()) {
            throw SamlException.invalid("missing attribute " + ROLE);
        }
        List<RolePair> pairs = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw SamlException.invalid("Role value must be 'role-arn,provider-arn'");
            }
            String first = parts[0].strip();
            String second = parts[1].strip();
            if (ROLE_ARN.matcher(first).matches() && PROVIDER_ARN.matcher(second).matches()) {
                pairs.add(new RolePair(first, second));
            } else if (PROVIDER_ARN.matcher(first).matches() && ROLE_ARN.matcher(second).matches()) {
                pairs.add(new RolePair(second, first));
            } else {
                throw SamlException.invalid("Role value must pair one role ARN with one saml-provider ARN");
            }
        }
        return pairs;
    }

    private static String roleSessionName(Map<String, List<String>> all) throws SamlException {
        String name = single(all, ROLE_SESSION_NAME);
        if (name == null) {
            throw SamlException.invalid("missing attribute " + ROLE_SESSION_NAME);
        }
        if (!SESSION_NAME.matcher(name).matches()) {
            throw SamlException.invalid("RoleSessionName must be 2-64 characters of [\\w+=,.@-]");
        }
        return name;
    }

    private static Map<String, String> principalTags(Map<String, List<String>> all) throws SamlException {
        Map<String, String> tags = new LinkedHashMap<>();
        Set<String> lowerKeys = new TreeSet<>();
        for (String name : all.keySet()) {
            if (!name.startsWith(PRINCIPAL_TAG_PREFIX)) {
                continue;
            }
            String key = name.substring(PRINCIPAL_TAG_PREFIX.length());
            String value = single(all, name);
            if (!TAG_KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw SamlException.invalid("invalid session tag key");
            }
            if (value == null || !TAG_VALUE.matcher(value).matches()) {
                throw SamlException.invalid("invalid value for session tag " + key);
            }
            // Tag keys are case-insensitive in IAM: Email and email are the same tag.
            if (!lowerKeys.add(key.toLowerCase(Locale.ROOT))) {
                throw SamlException.invalid("duplicate session tag " + key);
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_SESSION_TAGS) {
            throw SamlException.invalid("more than " + MAX_SESSION_TAGS + " session tags");
        }
        return tags;
    }

    private static List<String> transitiveTagKeys(Map<String, List<String>> all) throws SamlException {
        List<String> keys = all.getOrDefault(TRANSITIVE_TAG_KEYS, List.of());
        for (String key : keys) {
            if (!TAG_KEY.matcher(key).matches()) {
                throw SamlException.invalid("invalid transitive tag key");
            }
        }
        return keys;
    }

    private static Integer sessionDuration(Map<String, List<String>> all) throws SamlException {
        String value = single(all, SESSION_DURATION);
        if (value == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 900 && seconds <= 43_200) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection below
        }
        throw SamlException.invalid("SessionDuration must be an integer from 900 to 43200");
    }

    private static String sourceIdentity(Map<String, List<String>> all) throws SamlException {
        String value = single(all, SOURCE_IDENTITY);
        if (value != null && (!SESSION_NAME.matcher(value).matches() || value.toLowerCase(Locale.ROOT).startsWith("aws:"))) {
            throw SamlException.invalid("SourceIdentity must be 2-64 characters of [\\w+=,.@-], not starting with aws:");
        }
        return value;
    }

    /** The only value of a single-valued attribute, null when absent; several values are rejected. */
    private static String single(Map<String, List<String>> all, String name) throws SamlException {
        List<String> values = all.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw SamlException.invalid("attribute " + name + " must have a single value");
        }
        return values.get(0);
    }
}
