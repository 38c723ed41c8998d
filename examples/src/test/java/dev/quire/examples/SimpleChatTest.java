package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.qbusiness.model.AccessDeniedException;
import software.amazon.awssdk.services.qbusiness.model.ChatSyncResponse;
import software.amazon.awssdk.services.qbusiness.model.SourceAttribution;

/** SimpleChat's argument handling and output; the end-to-end chat is in WalkthroughTest. */
class SimpleChatTest {
    @Test
    void argumentsAreTheQueriesAndStdinIsNotRead() throws Exception {
        assertThat(SimpleChat.queries(new String[] {"who are the project team members?", "  ", " onboarding? "},
                new StringReader("never read"))).containsExactly("who are the project team members?", "onboarding?");
    }

    @Test
    void withoutArgumentsEachNonBlankNonCommentLineOfStdinIsAQuery() throws Exception {
        String stdin = "# queries for Mary\nwhat is the checklist of new team member onboarding activities?\n\n"
                + "   who are the project team members?  \n";
        assertThat(SimpleChat.queries(new String[0], new StringReader(stdin))).containsExactly(
                "what is the checklist of new team member onboarding activities?", "who are the project team members?");
        assertThat(SimpleChat.queries(new String[0], new StringReader(""))).isEmpty();
    }

    @Test
    void printsTheSeedsLinesAndTheSources() {
        QuireFixture.Output out = new QuireFixture.Output();
        ChatSyncResponse response = ChatSyncResponse.builder().systemMessage("The ACME team is Mary and John.")
                .sourceAttributions(SourceAttribution.builder().citationNumber(1).title("ACME team")
                        .url("https://wiki.example.com/acme").build()).build();

        SimpleChat.print("who are the project team members?", response, out.stream);

        assertThat(out.text().lines().toList()).containsExactly("User query: who are the project team members?",
                "Amazon Q response: The ACME team is Mary and John.", "Sources:",
                "  [1] ACME team https://wiki.example.com/acme", "---------");
    }

    @Test
    void anErrorIsWordedAsTheAwsCliWordsIt() {
        AccessDeniedException e = (AccessDeniedException) AccessDeniedException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("User does not have a subscription for the given application.").build()).build();
        assertThat(SimpleChat.errorLine(e)).isEqualTo("An error occurred (AccessDeniedException) when calling the"
                + " ChatSync operation: User does not have a subscription for the given application.");
    }
}
