package dev.quire.identity.sts;

import dev.quire.identity.iam.IamRole;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;

/** STS's parameter rules: session names, durations and session tags. */
final class SessionRequestRules {
    static final int MIN_DURATION = 900;
    static final int DEFAULT_DURATION = 3600;
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final int MAX_TAGS = 50;

    private SessionRequestRules() {
    }

    static void sessionName(String name) {
        if (name == null || !SESSION_NAME.matcher(name).matches()) {
            throw new ApiError(ErrorCode.STS_VALIDATION,
                    "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: "
                            + "Member must have length between 2 and 64 and match pattern [\\w+=,.@-]*");
        }
    }

    /** DurationSeconds: 900 … the role's MaxSessionDuration; default 3600 (capped by the role). */
    static int duration(Integer requested, IamRole role, Integer assertedCap) {
        int max = role.maxSessionDuration() > 0 ? role.maxSessionDuration() : DEFAULT_DURATION;
        if (requested != null) {
            if (requested < MIN_DURATION) {
                throw new ApiError(ErrorCode.STS_VALIDATION, "1 validation error detected: Value '" + requested
                        + "' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
            }
            if (requested > max) {
                throw new ApiError(ErrorCode.STS_VALIDATION, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
            }
        }
        int duration = requested != null ? requested : Math.min(DEFAULT_DURATION, max);
        return assertedCap != null ? Math.min(duration, Math.max(MIN_DURATION, assertedCap)) : duration;
    }

    static void tags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new ApiError(ErrorCode.STS_VALIDATION, "A session may carry at most " + MAX_TAGS + " tags.");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (!TAG_KEY.matcher(t.getKey()).matches() || t.getValue() == null || t.getValue().length() > 256) {
                throw new ApiError(ErrorCode.STS_VALIDATION, "The session tag '" + t.getKey() + "' is not valid.");
            }
        }
    }
}
