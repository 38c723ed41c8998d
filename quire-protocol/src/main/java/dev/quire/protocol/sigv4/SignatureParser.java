package dev.quire.protocol.sigv4;

import static dev.quire.protocol.sigv4.SigV4Constants.*;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the signature a request claims to carry, without checking it. Anything malformed, missing
 * or ambiguous is INCOMPLETE_SIGNATURE; signing parameters without a signature are
 * MISSING_AUTHENTICATION.
 */
final class SignatureParser {
    private static final Pattern SCOPE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SCOPE_DATE = Pattern.compile("[0-9]{8}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,7}");

    private SignatureParser() {}

    /** @return the claimed signature, or null when the request carries no sign of signing at all */
    static SignatureParts parse(WireRequest request) throws Rejection {
        Headers headers = request.headers();
        List<String> authorization = headers.all(AUTHORIZATION);
        Map<String, List<String>> query = signingQueryParams(request.rawQuery());
        if (!authorization.isEmpty()) {
            if (authorization.size() > 1 || query.containsKey(Q_SIGNATURE) || query.containsKey(Q_ALGORITHM)) {
                throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, null); // two auth mechanisms
            }
            return fromHeader(authorization.get(0), headers);
        }
        if (query.containsKey(Q_SIGNATURE)) {
            return fromQuery(query, headers);
        }
        boolean signingParams = query.containsKey(Q_ALGORITHM) || query.containsKey(Q_CREDENTIAL)
                || query.containsKey(Q_DATE) || query.containsKey(Q_SIGNED_HEADERS) || query.containsKey(Q_SECURITY_TOKEN);
        if (signingParams || headers.has(X_AMZ_DATE) || headers.has(X_AMZ_SECURITY_TOKEN)) {
            throw new Rejection(SigV4Failure.MISSING_AUTHENTICATION, null);
        }
        return null;
    }

    private static SignatureParts fromHeader(String value, Headers headers) throws Rejection {
        String trimmed = value.strip();
        int space = indexOfWhitespace(trimmed);
        if (space < 0 || !ALGORITHM.equals(trimmed.substring(0, space))) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, null);
        }
        // AWS tolerates any spacing around the components, so drop all whitespace before splitting.
        Map<String, String> components = new HashMap<>();
        boolean malformed = false;
        for (String component : WHITESPACE.matcher(trimmed.substring(space)).replaceAll("").split(",")) {
            if (component.isEmpty()) {
                continue;
            }
            int eq = component.indexOf('=');
            malformed |= eq <= 0 || components.putIfAbsent(component.substring(0, eq), component.substring(eq + 1)) != null;
        }
        String[] scope = credentialScope(components.get("Credential"));
        String service = scope[3];
        if (malformed || components.size() != 3 || !components.containsKey("SignedHeaders")
                || !components.containsKey("Signature")) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        String amzDate = headerDate(headers, service);
        return new SignatureParts(scope[0], scope[1], scope[2], service,
                signedHeaders(components.get("SignedHeaders"), service), signature(components.get("Signature"), service),
                single(headers.all(X_AMZ_SECURITY_TOKEN), service), amzDate, -1);
    }

    private static SignatureParts fromQuery(Map<String, List<String>> query, Headers headers) throws Rejection {
        String[] scope = credentialScope(single(query.get(Q_CREDENTIAL), null));
        String service = scope[3];
        if (!ALGORITHM.equals(single(query.get(Q_ALGORITHM), service))) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        String amzDate = single(query.get(Q_DATE), service);
        if (AmzDates.parseBasic(amzDate) == null) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        String expires = single(query.get(Q_EXPIRES), service);
        if (expires == null || !DIGITS.matcher(expires).matches() || Long.parseLong(expires) > MAX_PRESIGN_SECONDS) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        String token = single(query.get(Q_SECURITY_TOKEN), service);
        if (token == null) {
            token = single(headers.all(X_AMZ_SECURITY_TOKEN), service);
        }
        return new SignatureParts(scope[0], scope[1], scope[2], service,
                signedHeaders(single(query.get(Q_SIGNED_HEADERS), service), service),
                signature(single(query.get(Q_SIGNATURE), service), service), token, amzDate, Long.parseLong(expires));
    }

    /** {@code AKID/yyyymmdd/region/service/aws4_request} as {akid, date, region, service}. */
    private static String[] credentialScope(String credential) throws Rejection {
        String[] parts = credential == null ? new String[0] : credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || !SCOPE_DATE.matcher(parts[1]).matches()
                || !SCOPE_NAME.matcher(parts[2]).matches() || !SCOPE_NAME.matcher(parts[3]).matches()) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, null);
        }
        if (!TERMINATOR.equals(parts[4])) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, parts[3]);
        }
        return new String[] {parts[0], parts[1], parts[2], parts[3]};
    }

    /** Lower-case, distinct, and naming the host one way or the other. */
    private static List<String> signedHeaders(String value, String service) throws Rejection {
        if (value == null || value.isEmpty()) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        List<String> names = List.of(value.split(";", -1));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT)) || !seen.add(name)) {
                throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
            }
        }
        if (!seen.contains(CanonicalRequest.HOST) && !seen.contains(CanonicalRequest.AUTHORITY)) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        return names;
    }

    private static String signature(String value, String service) throws Rejection {
        if (value == null || !SIGNATURE.matcher(value).matches()) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        return value;
    }

    /** x-amz-date, else the Date header; returned in basic ISO form because that is what is signed. */
    private static String headerDate(Headers headers, String service) throws Rejection {
        String amzDate = single(headers.all(X_AMZ_DATE), service);
        if (amzDate != null) {
            if (AmzDates.parseBasic(amzDate) == null) {
                throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
            }
            return amzDate;
        }
        Instant date = AmzDates.parseDateHeader(single(headers.all(DATE), service));
        if (date == null) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        return AmzDates.format(date);
    }

    /** The one value, null when absent; a repeated value is ambiguous and refused. */
    private static String single(List<String> values, String service) throws Rejection {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new Rejection(SigV4Failure.INCOMPLETE_SIGNATURE, service);
        }
        return values.get(0);
    }

    /** Decoded X-Amz-* query parameters (names are case-sensitive, as AWS treats them). */
    private static Map<String, List<String>> signingQueryParams(String rawQuery) {
        if (rawQuery == null || !rawQuery.contains("X-Amz-")) {
            return Map.of();
        }
        Map<String, List<String>> params = new HashMap<>();
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            if (name.startsWith("X-Amz-")) {
                params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(eq < 0 ? "" : decode(part.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return new String(CanonicalRequest.percentDecode(text), StandardCharsets.UTF_8);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
