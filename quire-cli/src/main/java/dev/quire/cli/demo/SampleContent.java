package dev.quire.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's wiki pages, from {@code /demo/documents.txt} and {@code /demo/<space>/<slug>.md} on the
 * class path: the ACME space (group core-team), the AnyOrgApp space (Mateo only) and company pages
 * everyone may read.
 */
public final class SampleContent {
    /** Who may read a page: a group, a user id, or everyone (no access configuration at all). */
    public record Acl(String kind, String name) {
        public static Acl parse(String text) {
            if (text.equals("everyone")) {
                return new Acl("everyone", null);
            }
            int colon = text.indexOf(':');
            if (colon < 0 || !(text.startsWith("group:") || text.startsWith("user:"))) {
                throw new IllegalArgumentException("bad acl '" + text + "'");
            }
            return new Acl(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    /** One page: its document id is {@code <space>-<slug>}. */
    public record Page(String space, String slug, String title, String markdown, Acl acl) {
        public String documentId() {
            return space + "-" + slug;
        }

        public String sourceUri() {
            return "https://wiki.example.com/" + space + "/" + slug;
        }
    }

    private SampleContent() {
    }

    public static List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        for (String line : read("documents.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\|");
            String markdown = read(f[0] + "/" + f[1] + ".md");
            pages.add(new Page(f[0], f[1], title(markdown), markdown, Acl.parse(f[2])));
        }
        return pages;
    }

    static String title(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).orElseThrow(() -> new IllegalStateException("a page without a title"));
    }

    private static String read(String name) {
        try (InputStream in = SampleContent.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /demo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
