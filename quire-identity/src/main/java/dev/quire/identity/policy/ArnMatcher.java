package dev.quire.identity.policy;

/**
 * ArnEquals/ArnLike: the six colon-separated parts (arn:partition:service:region:account:resource)
 * are compared one by one, each with its own wildcards, so a {@code *} in one part never swallows
 * a colon. The resource part is everything after the fifth colon.
 */
final class ArnMatcher {
    private static final int PARTS = 6;

    private ArnMatcher() {}

    static boolean matches(GlobPattern pattern, String arn) {
        String[] value = arn.split(":", PARTS);
        if (value.length != PARTS) {
            return false;
        }
        int from = 0;
        for (int part = 0; part < PARTS; part++) {
            int to = part == PARTS - 1 ? pattern.length() : nextColon(pattern, from);
            if (to < 0) {
                return false; // the pattern has fewer than six parts
            }
            if (!pattern.slice(from, to).matches(value[part])) {
                return false;
            }
            from = to + 1;
        }
        return true;
    }

    private static int nextColon(GlobPattern p, int from) {
        for (int i = from; i < p.length(); i++) {
            if (p.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }
}
