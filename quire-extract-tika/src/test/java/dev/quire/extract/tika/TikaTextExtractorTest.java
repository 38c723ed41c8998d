package dev.quire.extract.tika;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class TikaTextExtractorTest {
    private final TikaTextExtractor extractor = new TikaTextExtractor();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void htmlKeepsSectionPathsAndDropsScripts() throws Exception {
        String html = "<html><head><title>ACME onboarding</title><script>var secret='x';</script></head><body>"
                + "<h1>ACME project</h1><p>Welcome to ACME.</p>"
                + "<h2>Team members</h2><p>Mary Major leads the team.</p><ul><li>Martha Rivera</li><li>John Doe</li></ul>"
                + "<h2>Checklist</h2><p>Request a laptop.</p></body></html>";
        ExtractedText text = extractor.extract(utf8(html), "HTML", "acme.html");
        assertThat(text.title()).isEqualTo("ACME onboarding");
        assertThat(text.sections()).extracting(ExtractedText.Section::headingPath)
                .containsExactly(List.of("ACME project"), List.of("ACME project", "Team members"),
                        List.of("ACME project", "Checklist"));
        assertThat(text.sections().get(1).text()).contains("Mary Major leads the team.").contains("Martha Rivera");
        assertThat(text.sections()).noneMatch(s -> s.text().contains("secret"));
    }

    @Test
    void markdownIsSplitByItsHeadingsButNotInsideCode() throws Exception {
        String md = "# Team page\nIntro line.\n\n## Members\n- Mateo Jackson\n\n```\n# not a heading\n```\n### Contact\nmail us\n";
        ExtractedText text = extractor.extract(utf8(md), "MD", null);
        assertThat(text.title()).isEqualTo("Team page");
        assertThat(text.sections()).extracting(ExtractedText.Section::headingPath).containsExactly(
                List.of("Team page"), List.of("Team page", "Members"), List.of("Team page", "Members", "Contact"));
        assertThat(text.sections().get(1).text()).contains("# not a heading");
    }

    @Test
    void plainTextCsvAndJsonAreRead() throws Exception {
        assertThat(extractor.extract(utf8("Just some words."), "PLAIN_TEXT", null).sections().get(0).text())
                .isEqualTo("Just some words.");
        assertThat(joined(extractor.extract(utf8("name,role\nMary,lead\n"), "CSV", "team.csv"))).contains("Mary").contains("lead");
        assertThat(joined(extractor.extract(utf8("{\"owner\":\"Mateo Jackson\"}"), "JSON", "x.json"))).contains("Mateo Jackson");
    }

    @Test
    void wordDocumentsAreRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("The AnyOrgApp project is owned by Mateo Jackson.");
            doc.write(out);
        }
        assertThat(joined(extractor.extract(out.toByteArray(), "MS_WORD", "owner.docx"))).contains("owned by Mateo Jackson");
    }

    @Test
    void pdfDocumentsAreRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Quarterly plan for the ACME release.");
                cs.endText();
            }
            doc.save(out);
        }
        assertThat(joined(extractor.extract(out.toByteArray(), "PDF", "plan.pdf"))).contains("Quarterly plan for the ACME release.");
    }

    @Test
    void brokenAndEmptyDocumentsFailWithAReason() {
        assertThatThrownBy(() -> extractor.extract(utf8("%PDF-1.7 this is not really a pdf"), "PDF", "x.pdf"))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> extractor.extract(new byte[0], "PLAIN_TEXT", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("empty");
    }

    private static String joined(ExtractedText text) {
        return String.join("\n", text.sections().stream().map(ExtractedText.Section::text).toList());
    }
}
