package dev.quire.identity.iam;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's input constraints (names, paths, descriptions, tags, MaxItems). Real IAM reports pattern
 * violations as an unmodeled ValidationError; Quire uses the modeled InvalidInput so SDK callers
 * get a typed exception.
 */
public final class IamInput {
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    static final Pattern SAML_NAME = Pattern.compile("[\\w._-]{1,128}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]{1,510}/");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]{0,1000}");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");
    static final int MAX_TAGS = 50;

    private IamInput() {
    }

    static ApiError invalid(String message) {
        return new ApiError(ErrorCode.INVALID_INPUT, message);
    }

    public static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw invalid("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static String name(String value, String member, Pattern pattern) {
        required(value, member);
        if (!pattern.matcher(value).matches()) {
            throw invalid("The specified value for " + member + " is invalid. It must contain only alphanumeric"
                    + " characters and/or the following: " + (pattern == SAML_NAME ? "._-" : "+=,.@_-")
                    + ", and be at most " + (pattern == ROLE_NAME ? 64 : 128) + " characters long.");
        }
        return value;
    }

    static String path(String value) {
        if (value == null || value.isEmpty()) {
            return "/";
        }
        if (!PATH.matcher(value).matches()) {
            throw invalid("The specified value for path is invalid. It must begin and end with / and contain only"
                    + " printable ASCII characters, at most 512 of them.");
        }
        return value;
    }

    /** PathPrefix filters: like a path but need not end with a slash. */
    static String pathPrefix(String value) {
        if (value == null || value.isEmpty()) {
            return "/";
        }
        if (!value.startsWith("/") || value.length() > 512 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw invalid("The specified value for pathPrefix is invalid.");
        }
        return value;
    }

    static String description(String value) {
        if (value != null && !DESCRIPTION.matcher(value).matches()) {
            throw invalid("The specified value for description is invalid. It must be at most 1000 characters"
                    + " of basic Latin and Latin-1 text.");
        }
        return value;
    }

    /** Validated tags in the order given; duplicate keys are rejected as IAM does. */
    static Map<String, String> tags(List<IamTag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        if (tags == null) {
            return out;
        }
        if (tags.size() > MAX_TAGS) {
            throw new ApiError(ErrorCode.LIMIT_EXCEEDED, "The number of tags has reached the maximum limit of 50.");
        }
        for (IamTag tag : tags) {
            String key = tag.key();
            String value = tag.value() == null ? "" : tag.value();
            if (key == null || !TAG_KEY.matcher(key).matches()) {
                throw invalid("The specified tag key is invalid: " + key);
            }
            if (!TAG_VALUE.matcher(value).matches()) {
                throw invalid("The specified tag value is invalid for key " + key + ".");
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw invalid("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            out.put(key, value);
        }
        return out;
    }

    static int maxItems(Integer maxItems) {
        int limit = maxItems == null ? 100 : maxItems;
        if (limit < 1 || limit > 1000) {
            throw invalid("MaxItems must be between 1 and 1000.");
        }
        return limit;
    }
}
