package dev.quire.protocol.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** SigV4's basic ISO 8601 timestamps ({@code 20250102T030405Z}), plus the HTTP Date header form. */
final class AmzDates {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AmzDates() {}

    static String format(Instant instant) {
        return BASIC.format(instant);
    }

    /** @return the instant, or null unless the text is exactly {@code yyyyMMdd'T'HHmmss'Z'} and a real time */
    static Instant parseBasic(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(num(text, 0, 4), num(text, 4, 6), num(text, 6, 8),
                    num(text, 9, 11), num(text, 11, 13), num(text, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The HTTP {@code Date} header: SigV4's basic form, or RFC 1123 as HTTP sends it. */
    static Instant parseDateHeader(String text) {
        Instant basic = parseBasic(text);
        if (basic != null || text == null) {
            return basic;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
