package dev.quire.core.secrets;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/** Secrets Manager's input constraints and the messages AWS gives when they are broken. */
final class SecretRules {
    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";
    static final int MAX_VALUE_BYTES = 65_536;
    static final int MAX_TAGS = 50;
    private static final Pattern NAME = Pattern.compile("[\\w/+=.@-]{1,512}");

    private SecretRules() {
    }

    static void name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalidParameter("Invalid name. Must be a valid name containing alphanumeric characters,"
                    + " or any of the following: -/_+=.@!");
        }
    }

    static void secretId(String secretId) {
        if (secretId == null || secretId.isEmpty() || secretId.length() > 2048) {
            throw invalidParameter("SecretId must be between 1 and 2048 characters.");
        }
    }

    static void clientRequestToken(String token) {
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw invalidParameter("ClientRequestToken must be 32-64 characters long.");
        }
    }

    static void description(String description) {
        if (description != null && description.length() > 2048) {
            throw invalidParameter("Description must be at most 2048 characters.");
        }
    }

    static void kmsKeyId(String kmsKeyId) {
        if (kmsKeyId != null && (kmsKeyId.isEmpty() || kmsKeyId.length() > 2048)) {
            throw invalidParameter("KmsKeyId must be between 1 and 2048 characters.");
        }
    }

    static void value(SecretValue value) {
        if (value != null && value.length() > MAX_VALUE_BYTES) {
            throw invalidParameter("The secret value must be at most " + MAX_VALUE_BYTES + " bytes.");
        }
    }

    static void tags(List<SecretTag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw invalidParameter("A secret can have at most " + MAX_TAGS + " tags.");
        }
        for (SecretTag t : tags) {
            tagKey(t.key());
            if (t.value().length() > 256) {
                throw invalidParameter("A tag value must be at most 256 characters.");
            }
        }
    }

    static void tagKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw invalidParameter("A tag key must be between 1 and 128 characters.");
        }
    }

    static void stages(List<String> stages) {
        if (stages.isEmpty() || stages.size() > 20) {
            throw invalidParameter("VersionStages must have between 1 and 20 labels.");
        }
        for (String s : stages) {
            if (s == null || s.isEmpty() || s.length() > 256) {
                throw invalidParameter("A staging label must be between 1 and 256 characters.");
            }
        }
    }

    static ApiError invalidParameter(String message) {
        return new ApiError(ErrorCode.SM_INVALID_PARAMETER, message);
    }

    static ApiError invalidRequest(String message) {
        return new ApiError(ErrorCode.SM_INVALID_REQUEST, message);
    }

    static ApiError notFound() {
        return new ApiError(ErrorCode.SM_RESOURCE_NOT_FOUND, NOT_FOUND);
    }

    static ApiError valueNotFound(String which) {
        return new ApiError(ErrorCode.SM_RESOURCE_NOT_FOUND, "Secrets Manager can't find the specified secret value for " + which);
    }

    static ApiError exists(String message) {
        return new ApiError(ErrorCode.SM_RESOURCE_EXISTS, message);
    }
}
