package dev.quire.protocol.sigv4;

import java.util.List;

/**
 * What a request claims about its signature, from the Authorization header or a presigned query.
 *
 * @param amzDate        the request time in basic ISO form (from x-amz-date, Date or X-Amz-Date)
 * @param expiresSeconds presigned lifetime, or -1 for the header form
 */
record SignatureParts(String accessKeyId, String scopeDate, String region, String service,
                      List<String> signedHeaders, String signature, String sessionToken,
                      String amzDate, long expiresSeconds) {

    boolean presigned() {
        return expiresSeconds >= 0;
    }

    String scope() {
        return scopeDate + '/' + region + '/' + service + '/' + SigV4Constants.TERMINATOR;
    }
}
