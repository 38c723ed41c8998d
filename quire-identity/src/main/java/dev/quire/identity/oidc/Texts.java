package dev.quire.identity.oidc;

/** Keeps attacker-supplied text in error messages short. */
final class Texts {
    private static final int MAX = 200;

    private Texts() {
    }

    static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
