package dev.quire.core.chat;

import dev.quire.core.qbusiness.Application;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import java.util.Locale;
import java.util.Map;

/**
 * Who is chatting. For an IAM-federated application it is the session's {@code Email} principal
 * tag, lower-cased: the identity the company's IdP asserted. For an ANONYMOUS application it is
 * an anonymous principal that reads only documents without an ACL.
 *
 * @param id        the lower-cased email, or {@code anonymous:<caller user id>}
 * @param anonymous true for an ANONYMOUS application
 */
public record ChatUser(String id, boolean anonymous) {
    static final String NO_EMAIL = "ChatSync needs identity-aware credentials: the session must carry an Email"
            + " principal tag (sign in through the application's identity provider and assume the"
            + " web-experience role). Long-term keys and sessions without an Email tag cannot chat.";

    public static ChatUser of(Caller caller, Application app) {
        if (app.anonymous()) {
            return new ChatUser("anonymous:" + caller.userId(), true);
        }
        return new ChatUser(email(caller), false);
    }

    /** The Email session tag (tag keys compare case-insensitively, as IAM's do). */
    static String email(Caller caller) {
        for (Map.Entry<String, String> tag : caller.sessionTags().entrySet()) {
            if (tag.getKey().equalsIgnoreCase("Email") && tag.getValue() != null && !tag.getValue().isBlank()) {
                return tag.getValue().strip().toLowerCase(Locale.ROOT);
            }
        }
        throw new ApiError(ErrorCode.ACCESS_DENIED, NO_EMAIL);
    }
}
