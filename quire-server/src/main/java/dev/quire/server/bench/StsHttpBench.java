package dev.quire.server.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.quire.identity.credentials.RootCredentials;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AssumeRoleWithWebIdentity end to end over HTTP on loopback: a real Quire server (H2), a
 * loopback OIDC issuer whose JWKS Quire caches, the seed-shaped trust policy, and {@code threads}
 * clients posting unsigned STS calls. Prints calls/s and latency percentiles.
 */
public final class StsHttpBench {
    private static final RootCredentials ROOT = new RootCredentials("AKIABENCHROOT0000001", "bench-secret-0123456789abcdefghijklmnopqr");

    private StsHttpBench() {
    }

    public static void run(PrintStream out, int seconds, int threads) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        HttpServer idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/bench";
        serve(idp, "/realms/bench/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}");
        serve(idp, "/realms/bench/certs", new JWKSet(key).toPublicJWKSet().toString());
        idp.start();
        Path dataDir = Files.createTempDirectory("quire-bench");
        try (QuireServer quire = QuireServer.start(new ServerConfig("127.0.0.1", 0, dataDir, null, "", "",
                ServerConfig.DEFAULT_ACCOUNT_ID, Optional.of(ROOT), ServerConfig.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC()))) {
            LoopbackClient client = new LoopbackClient(quire.endpoint());
            String providerArn = provision(client, issuer);
            String token = SignedJWTs.token(key, issuer, seconds + 120);
            String body = LoopbackClient.form(Map.of("Action", "AssumeRoleWithWebIdentity", "Version", "2011-06-15",
                    "RoleArn", "arn:aws:iam::123456789012:role/bench-role", "RoleSessionName", "bench",
                    "WebIdentityToken", token));
            expectOk(client.post(body, null, null, null), "the first AssumeRoleWithWebIdentity");
            measure(out, client, body, seconds, threads, providerArn);
        } finally {
            idp.stop(0);
        }
    }

    private static String provision(LoopbackClient client, String issuer) throws Exception {
        HttpResponse<String> provider = client.post(LoopbackClient.form(Map.of("Action", "CreateOpenIDConnectProvider",
                "Version", "2010-05-08", "Url", issuer, "ClientIDList.member.1", "quire-web")), "iam", ROOT.accessKeyId(), ROOT.secretAccessKey());
        expectOk(provider, "CreateOpenIDConnectProvider");
        String arn = provider.body().replaceAll("(?s).*<OpenIDConnectProviderArn>(.*)</OpenIDConnectProviderArn>.*", "$1");
        String prefix = issuer.replaceFirst("^https?://", "");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + arn
                + "\"},\"Action\":[\"sts:AssumeRoleWithWebIdentity\",\"sts:TagSession\"],\"Condition\":{\"StringEquals\":{\""
                + prefix + ":aud\":\"quire-web\"}}}]}";
        Map<String, String> role = new LinkedHashMap<>();
        role.put("Action", "CreateRole");
        role.put("Version", "2010-05-08");
        role.put("RoleName", "bench-role");
        role.put("AssumeRolePolicyDocument", trust);
        expectOk(client.post(LoopbackClient.form(role), "iam", ROOT.accessKeyId(), ROOT.secretAccessKey()), "CreateRole");
        return arn;
    }

    private static void measure(PrintStream out, LoopbackClient client, String body, int seconds, int threads,
                                String providerArn) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perThread = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[1 << 20];
            perThread.add(lat);
            counts.add(0);
            int index = t;
            workers.add(new Thread(() -> {
                int n = 0;
                try {
                    while (!stop.get() && n < lat.length) {
                        long s = System.nanoTime();
                        expectOk(client.post(body, null, null, null), "AssumeRoleWithWebIdentity");
                        lat[n++] = System.nanoTime() - s;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    synchronized (counts) {
                        counts.set(index, n);
                    }
                }
            }));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, pos, counts.get(t));
            pos += counts.get(t);
        }
        Arrays.sort(all);
        out.printf("AssumeRoleWithWebIdentity over HTTP/1.1 loopback, RS256 token, JWKS cached, trust policy with aud"
                + " condition, %d client threads, %d s, %d cores%n", threads, seconds, Runtime.getRuntime().availableProcessors());
        out.printf("| calls/s  | %10.0f |%n", total / elapsed);
        out.printf("| p50 ms   | %10.2f |%n", pct(all, 0.50));
        out.printf("| p99 ms   | %10.2f |%n", pct(all, 0.99));
        out.printf("(provider %s)%n", providerArn);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static void expectOk(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        });
    }

    /** Tokens for the bench issuer. */
    static final class SignedJWTs {
        private SignedJWTs() {
        }

        static String token(RSAKey key, String issuer, int validSeconds) throws Exception {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("bench-user").audience("quire-web")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(validSeconds)))
                    .claim("https://aws.amazon.com/tags", Map.of("principal_tags", Map.of("Email", List.of("bench@example.com"))))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
    }
}
