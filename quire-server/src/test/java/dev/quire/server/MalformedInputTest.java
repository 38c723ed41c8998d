package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.support.SignedHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear, AWS-shaped 4xx — never a 500 or a stack trace. Each case has a passing control. */
class MalformedInputTest {
    private static final String ROOT_ID = RunningQuire.ROOT.accessKeyId();
    private static final String ROOT_SECRET = RunningQuire.ROOT.secretAccessKey();
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    private static final Map<String, String> SM = Map.of("Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "secretsmanager.ListSecrets");

    @TempDir
    static Path dataDir;
    static QuireServer server;
    static URI endpoint;

    @BeforeAll
    static void start() {
        server = QuireServer.start(new ServerConfig("127.0.0.1", 0, dataDir, null, "", "", "123456789012",
                Optional.of(RunningQuire.ROOT), 4096, Clock.systemUTC()));
        endpoint = server.endpoint();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body, String service) {
        return SignedHttp.send(endpoint, method, path, headers, body, service, ROOT_ID, ROOT_SECRET);
    }

    @Test
    void stsFormBodyWithBadUtf8IsA400InXml() {
        HttpResponse<String> ok = send("POST", "/", FORM, "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8), "sts");
        assertThat(ok.statusCode()).isEqualTo(200);
        byte[] bad = "Action=GetCallerIdentity&Version=2011-06-15&X=%C3%28".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send("POST", "/", FORM, bad, "sts");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("<ErrorResponse").contains("<Code>MalformedInput</Code>").contains("<Type>Sender</Type>");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void stsUnknownActionIsInvalidAction() {
        HttpResponse<String> r = send("POST", "/", FORM, "Action=MakeMeAdmin&Version=2011-06-15".getBytes(StandardCharsets.UTF_8), "sts");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void secretsManagerMalformedJsonIsSerializationException() {
        assertThat(send("POST", "/", SM, "{}".getBytes(StandardCharsets.UTF_8), "secretsmanager").statusCode()).isEqualTo(200);
        HttpResponse<String> r = send("POST", "/", SM, "{\"MaxResults\":".getBytes(StandardCharsets.UTF_8), "secretsmanager");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"SerializationException\"");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
    }

    @Test
    void secretsManagerDuplicateKeysAreRejected() {
        HttpResponse<String> r = send("POST", "/", SM, "{\"MaxResults\":1,\"MaxResults\":2}".getBytes(StandardCharsets.UTF_8), "secretsmanager");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void qbusinessMalformedJsonIsValidationExceptionCannotParse() {
        HttpResponse<String> r = send("GET", "/applications", Map.of("Content-Type", "application/json"),
                "{not json".getBytes(StandardCharsets.UTF_8), "qbusiness");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(r.body()).contains("\"reason\":\"CANNOT_PARSE\"").doesNotContain("\"code\"");
    }

    @Test
    void qbusinessUnknownPathIsAnUnknownOperation() {
        assertThat(send("GET", "/applications", Map.of(), new byte[0], "qbusiness").statusCode()).isEqualTo(200);
        HttpResponse<String> r = send("GET", "/no/such/thing", Map.of(), new byte[0], "qbusiness");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void qbusinessBadMaxResultsNamesTheField() {
        HttpResponse<String> r = send("GET", "/applications?maxResults=0", Map.of(), new byte[0], "qbusiness");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"name\":\"maxResults\"");
    }

    @Test
    void oversizedBodyIsA413InTheServicesFormat() {
        byte[] big = ("Action=GetCallerIdentity&Version=2011-06-15&Pad=" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send("POST", "/", FORM, big, "sts");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }

    @Test
    void unsignedRequestsOnlyReachTheStsFederationActions() {
        HttpResponse<String> qb = SignedHttp.sendRaw(URI.create(endpoint + "/applications"), "GET", Map.of(), new byte[0]);
        assertThat(qb.statusCode()).isEqualTo(403);
        assertThat(qb.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

        HttpResponse<String> sts = SignedHttp.sendRaw(URI.create(endpoint + "/"), "POST",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void noResponseEverCarriesAStackTrace() {
        HttpResponse<String> r = send("POST", "/", SM, new byte[] {(byte) 0xff, (byte) 0xfe, '{'}, "secretsmanager");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("Exception:").doesNotContain("\tat ");
    }
}
