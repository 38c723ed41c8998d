package dev.quire.core.chat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TermsTest {
    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "members, member", "policies, policy", "approves, approving", "approved, approve", "leads, leading",
        "emails, email", "addresses, address", "running, run", "teams, team", "status, status", "process, process"})
    void sameStem(String a, String b) {
        assertThat(Terms.stem(a)).isEqualTo(Terms.stem(b));
    }

    @Test
    void dropsStopWordsFoldsCaseAndAccents() {
        // stems only need to agree with each other: "acme" and "acmes" both become "acm"
        assertThat(Terms.of("Who are the ACME project team members in Zürich?"))
                .containsExactly("acm", "project", "team", "member", "zurich");
        assertThat(Terms.of("Who is it? What are they?")).isEmpty();
    }
}
