package dev.quire.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures {@link WebIdentityTokenVerifier#verify} on one RS256 token (2048-bit key) with the JWKS
 * already cached: the steady-state cost of an AssumeRoleWithWebIdentity call's token check. Starts its
 * own loopback issuer for the first fetch. Single-threaded; prints verifications/s and latency percentiles.
 */
public final class WebIdentityBench {

    private WebIdentityBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 10);
    }

    public static void run(PrintStream out, int seconds) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-1").generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bench";
        serve(server, "/realms/bench/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}");
        serve(server, "/realms/bench/certs", new JWKSet(key).toPublicJWKSet().toString());
        server.start();
        try {
            RegisteredOidcProvider provider = new RegisteredOidcProvider(
                    "arn:aws:iam::123456789012:oidc-provider/bench", issuer, List.of("quire-web"));
            Clock clock = Clock.systemUTC();
            JwksCache cache = new JwksCache(JwksCache.defaultHttpClient(), Duration.ofHours(1), clock, IssuerPolicy.loopbackHttpOnly());
            WebIdentityTokenVerifier verifier = new WebIdentityTokenVerifier(
                    i -> provider.matchesIssuer(i) ? Optional.of(provider) : Optional.empty(), cache, clock);
            String token = token(key, issuer, clock.instant(), seconds);

            long warmupEnd = System.nanoTime() + Duration.ofSeconds(Math.max(1, seconds / 5)).toNanos();
            while (System.nanoTime() < warmupEnd) {
                verifier.verify(token);
            }
            long[] latencies = new long[1 << 16];
            int count = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            long now = start;
            while (now < end) {
                verifier.verify(token);
                long after = System.nanoTime();
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = after - now;
                now = after;
            }
            double elapsedSeconds = (now - start) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            out.printf("WebIdentityBench: RS256 (2048-bit), cached JWKS, 1 thread, %d s%n", seconds);
            out.printf("  verifications: %d  (%.0f verifications/s)%n", count, count / elapsedSeconds);
            out.printf("  latency us: p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999), sorted[count - 1] / 1e3);
        } finally {
            server.stop(0);
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e3;
    }

    private static String token(RSAKey key, String issuer, Instant now, int seconds) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject("bench-user").audience("quire-web")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(seconds * 2L + 600)))
                .claim("https://aws.amazon.com/tags", Map.of("principal_tags", Map.of("Email", List.of("mary@example.com"))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            try (exchange; OutputStream outStream = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                outStream.write(body);
            } catch (IOException e) {
                // a client that went away is not the benchmark's concern
            }
        });
    }
}
