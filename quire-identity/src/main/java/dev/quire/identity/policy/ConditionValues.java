package dev.quire.identity.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Typed reading of condition values (Bool, Numeric, Date, Null); null means "not a valid value". */
final class ConditionValues {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?([eE][+-]?\\d{1,3})?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}");
    private static final int MAX_DATE_CHARS = 64;

    private ConditionValues() {}

    /** Refuses policy values that could never match their operator, and variables where IAM has none. */
    static ValueTemplate validate(ConditionOperator op, String raw, ValueTemplate t, String what) {
        ConditionOperator.Family f = op.base().family();
        boolean typed = f == ConditionOperator.Family.BOOL || f == ConditionOperator.Family.NULL
                || f == ConditionOperator.Family.NUMERIC || f == ConditionOperator.Family.DATE;
        if (!typed) {
            return t;
        }
        if (t.hasVariables()) {
            throw new MalformedPolicyException(what + ": policy variables are only allowed in string and ARN conditions");
        }
        boolean ok = switch (f) {
            case BOOL, NULL -> bool(raw) != null;
            case NUMERIC -> number(raw) != null;
            case DATE -> date(raw) != null;
            default -> true;
        };
        if (!ok) {
            throw new MalformedPolicyException(what + ": " + raw + " is not a valid " + f.name().toLowerCase() + " value");
        }
        return t;
    }

    static Boolean bool(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    static BigDecimal number(String s) {
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** ISO-8601 (instant, offset date-time, UTC local date-time, date) or epoch seconds. */
    static Instant date(String s) {
        if (s.length() > MAX_DATE_CHARS) {
            return null;
        }
        if (EPOCH.matcher(s).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
