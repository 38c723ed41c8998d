package dev.quire.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Rewrites model output, chunk by chunk, so that only citation markers naming an offered passage
 * survive. A model can cite a number it was never given (a hallucinated source, or a number
 * echoed from an injected passage); such a marker is removed together with the whitespace before
 * it, so the user never sees it, not even while streaming. "[1, 3]" becomes "[1][3]".
 *
 * <p>It works as a small state machine so that streamed and whole-text runs produce exactly the
 * same text: a run of whitespace and a possible marker are held back until it is known what they
 * are. Leading and trailing whitespace of the whole answer is dropped.
 */
final class CitationMarkerFilter {
    private static final Pattern MARKER_BODY = Pattern.compile("\\s*\\d{1,9}(\\s*,\\s*\\d{1,9})*\\s*");
    private static final int MAX_MARKER_CHARS = 40;

    private final Set<Integer> offered;
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder out = new StringBuilder();
    private int markerStart = -1;
    private boolean emittedAnything;
    private boolean validCitationSeen;
    private final List<Integer> dropped = new ArrayList<>();

    CitationMarkerFilter(Set<Integer> offered, Consumer<String> sink) {
        this.offered = Set.copyOf(offered);
        this.sink = sink;
    }

    void accept(String chunk) {
        if (chunk == null) {
            return;
        }
        for (int i = 0; i < chunk.length(); i++) {
            accept(chunk.charAt(i));
        }
        flushOut();
    }

    /** Ends the text: a half-written marker is kept as plain text, trailing whitespace dropped. */
    void finish() {
        if (markerStart >= 0) {
            emit(pending.toString().stripTrailing());
        }
        pending.setLength(0);
        markerStart = -1;
        flushOut();
    }

    boolean validCitationSeen() {
        return validCitationSeen;
    }

    /** Numbers the model cited that were not offered, in the order they appeared. */
    List<Integer> droppedNumbers() {
        return List.copyOf(dropped);
    }

    private void accept(char c) {
        if (markerStart >= 0) {
            int bodyLength = pending.length() - markerStart - 1;
            if (c == ']') {
                resolveMarker();
                return;
            }
            if ((Character.isDigit(c) || c == ',' || c == ' ') && bodyLength < MAX_MARKER_CHARS) {
                pending.append(c);
                return;
            }
            flushPendingAsText();
            // fall through: c starts afresh
        }
        if (Character.isWhitespace(c)) {
            pending.append(c);
        } else if (c == '[') {
            markerStart = pending.length();
            pending.append(c);
        } else {
            pending.append(c);
            flushPendingAsText();
        }
    }

    private void resolveMarker() {
        String whitespace = pending.substring(0, markerStart);
        String body = pending.substring(markerStart + 1);
        pending.setLength(0);
        markerStart = -1;
        if (!MARKER_BODY.matcher(body).matches()) {
            emit(whitespace + "[" + body + "]");
            return;
        }
        Set<Integer> kept = new LinkedHashSet<>();
        for (String part : body.split(",")) {
            int number = Integer.parseInt(part.strip());
            if (offered.contains(number)) {
                kept.add(number);
            } else {
                dropped.add(number);
            }
        }
        if (kept.isEmpty()) {
            return; // the marker and the whitespace before it vanish
        }
        validCitationSeen = true;
        StringBuilder markers = new StringBuilder(whitespace);
        kept.forEach(n -> markers.append('[').append(n).append(']'));
        emit(markers.toString());
    }

    private void flushPendingAsText() {
        String text = pending.toString();
        pending.setLength(0);
        markerStart = -1;
        emit(text);
    }

    private void emit(String text) {
        if (!emittedAnything) {
            text = text.stripLeading();
        }
        if (text.isEmpty()) {
            return;
        }
        emittedAnything = true;
        out.append(text);
    }

    /** One emission per model chunk, so a streamed answer arrives in the model's own increments. */
    private void flushOut() {
        if (!out.isEmpty()) {
            String text = out.toString();
            out.setLength(0);
            sink.accept(text);
        }
    }
}
