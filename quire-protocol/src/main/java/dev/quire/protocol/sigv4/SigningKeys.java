package dev.quire.protocol.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives SigV4 signing keys, caching them because a key serves every request of one secret, day,
 * region and service and costs four HMACs. The cache is bounded crudely: cleared when full.
 */
final class SigningKeys {
    private static final int MAX_ENTRIES = 1000;
    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Lower-case hex HMAC of the string to sign under the derived key. */
    String signature(String secret, String scopeDate, String region, String service, String stringToSign) {
        return SigV4Crypto.hex(SigV4Crypto.hmac(key(secret, scopeDate, region, service), stringToSign));
    }

    byte[] key(String secret, String scopeDate, String region, String service) {
        // '\n' cannot occur in any part, so distinct tuples never collide.
        String cacheKey = secret + '\n' + scopeDate + '\n' + region + '\n' + service;
        byte[] key = cache.get(cacheKey);
        if (key == null) {
            key = derive(secret, scopeDate, region, service);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(cacheKey, key);
        }
        return key;
    }

    static byte[] derive(String secret, String scopeDate, String region, String service) {
        byte[] kDate = SigV4Crypto.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeDate);
        byte[] kRegion = SigV4Crypto.hmac(kDate, region);
        byte[] kService = SigV4Crypto.hmac(kRegion, service);
        return SigV4Crypto.hmac(kService, SigV4Constants.TERMINATOR);
    }

    int size() {
        return cache.size();
    }
}
