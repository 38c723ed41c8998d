package dev.quire.protocol.awsquery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer for awsQuery responses: elements and escaped text only, which
 * is all the IAM and STS response shapes need. Unbalanced use fails loudly.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"");
        escape(namespace);
        out.append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; skipped when text is null (the SDKs omit unset members). */
    public XmlWriter element(String name, String text) {
        if (text != null) {
            out.append('<').append(name).append('>');
            escape(text);
            out.append("</").append(name).append('>');
        }
        return this;
    }

    public XmlWriter element(String name, Number value) {
        return value == null ? this : element(name, value.toString());
    }

    public XmlWriter element(String name, Boolean value) {
        return value == null ? this : element(name, value.toString());
    }

    /** ISO-8601 with seconds, as AWS query services return timestamps. */
    public XmlWriter element(String name, Instant value) {
        return value == null ? this : element(name, value.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    public byte[] toBytes() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are replaced rather than emitted.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
