package dev.quire.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line's two modes and the SAML metadata parsing the create-saml-app command relies on. */
class AdminIngestProgressTest {
    @Test
    void onATerminalTheLineRewritesItselfAndEndsWithANewline() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IngestProgress p = new IngestProgress(new PrintStream(err, true, StandardCharsets.UTF_8), true, "sending", 4, 0);
        p.update(1, 0);
        p.update(3, 1);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").contains("1/4", "\r", "4/4", "failed 1").endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1); // one line, rewritten
    }

    @Test
    void inALogItPrintsPlainLinesNoOftenerThanTheIntervalButAlwaysTheLast() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IngestProgress p = new IngestProgress(new PrintStream(err, true, StandardCharsets.UTF_8), false, "indexing", 3,
                3_600_000);
        p.update(1, 0);
        p.update(2, 0); // within the interval: skipped
        p.update(3, 0);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").contains("1/3", "3/3").doesNotContain("2/3");
    }

    @Test
    void theLineShowsRateAndEta() {
        IngestProgress p = new IngestProgress(new PrintStream(new ByteArrayOutputStream()), false, "sending", 10, 0);
        assertThat(p.line(5, 0, 2.0)).contains("[############............]", "5/10", "2.5 files/s", "ETA 2s", "failed 0");
    }

    @Test
    void theSsoUrlComesFromTheMetadataAndItsAbsenceIsAClearError() {
        String xml = "<md:EntityDescriptor><md:IDPSSODescriptor><md:SingleSignOnService Binding=\"urn:x\" "
                + "Location=\"https://idp.example.com/sso?a=1&amp;b=2\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
        assertThat(CreateSamlAppCommand.ssoUrl(xml)).isEqualTo("https://idp.example.com/sso?a=1&b=2");
        assertThatThrownBy(() -> CreateSamlAppCommand.ssoUrl("<EntityDescriptor/>"))
                .hasMessageContaining("SingleSignOnService");
    }
}
