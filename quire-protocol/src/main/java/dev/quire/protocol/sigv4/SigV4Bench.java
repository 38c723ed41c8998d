package dev.quire.protocol.sigv4;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verification speed for a typical qbusiness ChatSync request (about 1 KB of JSON, 9 signed
 * headers, session token), on one thread, body hash included as a real server must.
 * Usage: {@code java dev.quire.protocol.sigv4.SigV4Bench [seconds]}.
 */
public final class SigV4Bench {
    private static final Instant SIGNED_AT = Instant.parse("2025-03-04T05:06:07Z");

    private SigV4Bench() {}

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 5);
    }

    public static void run(PrintStream out, int seconds) {
        Clock clock = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
        SigningCredential credential = new SigningCredential("ASIABENCHEXAMPLE", "benchSecretKeyEXAMPLE0123456789abcdefghi",
                SIGNED_AT.plusSeconds(3600), "bench-user");
        String token = "IQoJb3JpZ2luX2VjEXAMPLE" + "x".repeat(300);
        WireRequest signed = new SigV4Signer(clock).sign(chatSyncRequest(), credential.accessKeyId(),
                credential.secretAccessKey(), token, "us-east-1", "qbusiness");
        SecretLookup lookup = (id, sessionToken) ->
                id.equals(credential.accessKeyId()) && token.equals(sessionToken) ? Optional.of(credential) : Optional.empty();
        SigV4Verifier verifier = new SigV4Verifier(clock);

        measure(verifier, signed, lookup, Math.max(1, Math.min(seconds, 3)) * 1_000_000_000L, new long[1 << 16]);
        long[] latencies = new long[1 << 20];
        long start = System.nanoTime();
        int count = measure(verifier, signed, lookup, seconds * 1_000_000_000L, latencies);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sample = Arrays.copyOf(latencies, Math.min(count, latencies.length));
        Arrays.sort(sample);

        out.printf("SigV4 verification, 1 thread, ChatSync %d-byte body, %d signed headers, %ds after warm-up%n",
                signed.body().length, signed.headers().first("authorization").split("SignedHeaders=")[1]
                        .split(",")[0].split(";").length, seconds);
        out.printf("| %-16s | %12s |%n", "metric", "value");
        out.printf("| %-16s | %12s |%n", "-".repeat(16), "-".repeat(12));
        out.printf("| %-16s | %,12.0f |%n", "verifications/s", count / elapsed);
        out.printf("| %-16s | %12.1f |%n", "p50 µs", percentile(sample, 0.50) / 1000.0);
        out.printf("| %-16s | %12.1f |%n", "p99 µs", percentile(sample, 0.99) / 1000.0);
    }

    /** Verifies until {@code nanos} have passed, recording each call's duration (ring buffer when full). */
    private static int measure(SigV4Verifier verifier, WireRequest request, SecretLookup lookup, long nanos,
                               long[] latencies) {
        long deadline = System.nanoTime() + nanos;
        int count = 0;
        while (true) {
            long before = System.nanoTime();
            SigV4Result result = verifier.verify(request, lookup);
            long after = System.nanoTime();
            if (!(result instanceof SigV4Result.Verified)) {
                throw new IllegalStateException("benchmark request did not verify: " + result);
            }
            latencies[count % latencies.length] = after - before;
            count++;
            if (after >= deadline) {
                return count;
            }
        }
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }

    /** The headers and body the Java SDK sends for ChatSync, about 1 KB of JSON. */
    private static WireRequest chatSyncRequest() {
        StringBuilder json = new StringBuilder("{\"userMessage\":\"");
        json.append("Summarize the onboarding policy for contractors and cite the sources. ".repeat(10));
        json.append("\",\"conversationId\":\"c0a8012e-7f3b-4c59-9d6e-2b1f8e4a9c71\",\"parentMessageId\":")
                .append("\"5f2d8a4e-1b3c-4d6f-8e9a-0b1c2d3e4f50\",\"chatMode\":\"RETRIEVAL_MODE\",")
                .append("\"attributeFilter\":{\"equalsTo\":{\"name\":\"_category\",\"value\":{\"stringValue\":\"hr\"}}},")
                .append("\"clientToken\":\"9b2f6c1e-3d4a-4e8b-a7c6-5f1e2d3c4b5a\"}");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers()
                .add("host", "qbusiness.us-east-1.api.aws")
                .add("amz-sdk-invocation-id", "3f6c2b1e-9d4a-4c8b-b7a6-1e2d3c4b5a69")
                .add("amz-sdk-request", "attempt=1; max=4")
                .add("content-length", Integer.toString(body.length))
                .add("content-type", "application/json")
                .add("x-amz-user-agent", "aws-sdk-java/2.36.2 md/io#sync ua/2.1 api/QBusiness#2.36.2 os/Linux")
                .add("user-agent", "aws-sdk-java/2.36.2 Linux/6.1 OpenJDK_64-Bit_Server_VM/17 Java/17 vendor/Eclipse");
        return new WireRequest("POST", "/applications/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/conversations",
                "sync&userId=alice%40example.com&userGroups=hr&userGroups=all%20staff", "qbusiness.us-east-1.api.aws",
                headers, body, "127.0.0.1");
    }
}
