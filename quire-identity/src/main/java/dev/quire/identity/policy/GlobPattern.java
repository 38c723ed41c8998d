package dev.quire.identity.policy;

import java.util.Arrays;

/**
 * A pattern of characters where each position is either a literal character or a wildcard
 * ({@code *} any run, {@code ?} one character). Literal and wildcard are tracked per position,
 * so a {@code *} that came from a resolved policy variable stays a literal star: a tag value can
 * never inject a wildcard.
 */
final class GlobPattern {
    private final char[] chars;
    private final boolean[] wildcard;

    private GlobPattern(char[] chars, boolean[] wildcard) {
        this.chars = chars;
        this.wildcard = wildcard;
    }

    /** Every {@code *} and {@code ?} in {@code text} is a wildcard. */
    static GlobPattern wildcards(String text) {
        return new Builder().appendWildcardText(text).build();
    }

    /** Every character of {@code text} is literal. */
    static GlobPattern literal(String text) {
        return new Builder().appendLiteral(text).build();
    }

    /** The text with wildcards rendered as their characters (for equality operators). */
    String text() {
        return new String(chars);
    }

    int length() {
        return chars.length;
    }

    char charAt(int i) {
        return chars[i];
    }

    boolean isWildcard(int i) {
        return wildcard[i];
    }

    /** The positions [from, to) as a new pattern. */
    GlobPattern slice(int from, int to) {
        return new GlobPattern(Arrays.copyOfRange(chars, from, to), Arrays.copyOfRange(wildcard, from, to));
    }

    boolean matches(String value) {
        return matches(value, false);
    }

    /**
     * Iterative matcher with single-star backtracking: O(pattern x value) in the worst case, never
     * exponential, so a hostile pattern like {@code *a*a*a*a*b} cannot stall evaluation.
     */
    boolean matches(String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int starP = -1;
        int starV = -1;
        int n = value.length();
        while (v < n) {
            if (p < chars.length && wildcard[p] && chars[p] == '*') {
                starP = p++;
                starV = v;
            } else if (p < chars.length && ((wildcard[p] && chars[p] == '?') || same(chars[p], value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (starP >= 0) {
                p = starP + 1;
                v = ++starV;
            } else {
                return false;
            }
        }
        while (p < chars.length && wildcard[p] && chars[p] == '*') {
            p++;
        }
        return p == chars.length;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    @Override
    public String toString() {
        return text();
    }

    static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private boolean[] wildcard = new boolean[16];

        Builder appendLiteral(String text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i), false);
            }
            return this;
        }

        Builder appendWildcardText(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                add(c, c == '*' || c == '?');
            }
            return this;
        }

        private void add(char c, boolean isWildcard) {
            int at = chars.length();
            if (at == wildcard.length) {
                wildcard = Arrays.copyOf(wildcard, at * 2);
            }
            chars.append(c);
            wildcard[at] = isWildcard;
        }

        GlobPattern build() {
            int n = chars.length();
            char[] c = new char[n];
            chars.getChars(0, n, c, 0);
            return new GlobPattern(c, Arrays.copyOf(wildcard, n));
        }
    }
}
