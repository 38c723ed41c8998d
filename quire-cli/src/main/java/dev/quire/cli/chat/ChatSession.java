package dev.quire.cli.chat;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ChatSyncResponse;
import software.amazon.awssdk.services.qbusiness.model.SourceAttribution;

/**
 * One conversation through ChatSync as the signed-in user: follow-ups carry the conversation id and
 * the last answer's message id; {@link #newConversation()} forgets both.
 */
public final class ChatSession {
    private final QBusinessClient qbusiness;
    private final String applicationId;
    private final PrintStream out;
    private String conversationId;
    private String parentMessageId;

    public ChatSession(QBusinessClient qbusiness, String applicationId, PrintStream out) {
        this.qbusiness = qbusiness;
        this.applicationId = applicationId;
        this.out = out;
    }

    /** Asks, prints the answer and its numbered sources; returns false when the call failed (printed). */
    public boolean ask(String question) {
        ChatSyncResponse r;
        try {
            r = qbusiness.chatSync(q -> q.applicationId(applicationId).userMessage(question)
                    .conversationId(conversationId).parentMessageId(parentMessageId)
                    .clientToken(UUID.randomUUID().toString()));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "Error" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            out.println("quire: " + code + ": " + message);
            return false;
        }
        conversationId = r.conversationId();
        parentMessageId = r.systemMessageId();
        out.println(r.systemMessage());
        List<SourceAttribution> sources = r.sourceAttributions();
        if (!sources.isEmpty()) {
            out.println();
            out.println("Sources:");
            int n = 0;
            for (SourceAttribution s : sources) {
                n++;
                int number = s.citationNumber() == null ? n : s.citationNumber();
                out.println("  [" + number + "] " + s.title() + (s.url() == null ? "" : " — " + s.url()));
            }
        }
        return true;
    }

    public void newConversation() {
        conversationId = null;
        parentMessageId = null;
    }

    public String conversationId() {
        return conversationId;
    }
}
