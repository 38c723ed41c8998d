package dev.quire.server.bench;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.sigv4.SigV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/** A minimal awsQuery client for benchmarks: form bodies, optionally SigV4-signed with Quire's own signer. */
final class LoopbackClient {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SigV4Signer signer = new SigV4Signer(Clock.systemUTC());

    LoopbackClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** POSTs a form; signs it for {@code service} when keys are given. Returns status and body. */
    HttpResponse<String> post(String body, String service, String keyId, String secret) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers().set("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        WireRequest request = new WireRequest("POST", "/", null, endpoint.getAuthority(), headers, bytes, null);
        if (keyId != null) {
            request = signer.sign(request, keyId, secret, null, "us-east-1", service);
        }
        HttpRequest.Builder out = HttpRequest.newBuilder(endpoint.resolve("/")).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (String name : request.headers().names()) {
            if (!name.equals("host") && !name.equals("content-length")) {
                for (String v : request.headers().all(name)) {
                    out.header(name, v);
                }
            }
        }
        return http.send(out.build(), HttpResponse.BodyHandlers.ofString());
    }
}
