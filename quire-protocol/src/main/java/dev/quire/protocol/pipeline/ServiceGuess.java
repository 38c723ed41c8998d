package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.http.WireRequest;
import java.util.Locale;

/**
 * Which service an unauthenticated or badly signed request was probably meant for, judged from
 * its shape alone, so that even its rejection comes in a format its SDK can parse.
 */
final class ServiceGuess {
    private ServiceGuess() {
    }

    static AwsService fromShape(WireRequest request) {
        String target = request.headers().first("x-amz-target");
        if (target != null && target.toLowerCase(Locale.ROOT).startsWith("secretsmanager.")) {
            return AwsService.SECRETS_MANAGER;
        }
        String contentType = request.headers().first("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return AwsService.STS;
        }
        return AwsService.QBUSINESS;
    }

    static AwsService fromScopeOrShape(String scopeService, WireRequest request) {
        return scopeService == null
                ? fromShape(request)
                : AwsService.bySigningName(scopeService).orElseGet(() -> fromShape(request));
    }
}
