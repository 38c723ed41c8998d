package dev.quire.core.chat;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.store.MetadataStore;
import java.util.Locale;

/**
 * The application (which must exist: ResourceNotFound first) and the chat user of a call, with
 * the optional {@code userId} query member checked: it may only name the caller themself, so a
 * session cannot act for another user.
 */
record ChatSubject(Application app, ChatUser user) {
    static ChatSubject of(MetadataStore store, Caller caller, String applicationId, String userId) {
        Application app = Applications.parse(new ResourceGuard(store).requireApplication(applicationId));
        ChatUser user = ChatUser.of(caller, app);
        if (userId != null && !user.anonymous() && !userId.strip().toLowerCase(Locale.ROOT).equals(user.id())) {
            throw new ApiError(ErrorCode.ACCESS_DENIED, "userId must be the caller's own identity (the session's"
                    + " Email tag); a session cannot chat as another user.");
        }
        return new ChatSubject(app, user);
    }

    String applicationId() {
        return app.applicationId();
    }
}
