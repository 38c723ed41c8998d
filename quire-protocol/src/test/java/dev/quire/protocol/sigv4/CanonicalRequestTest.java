package dev.quire.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    @Test
    void pathIsEncodedAgainPerSegmentWithoutDecodingOrNormalizing() {
        assertThat(CanonicalRequest.canonicalUri("/groups/team%20a%2Fb")).isEqualTo("/groups/team%2520a%252Fb");
        assertThat(CanonicalRequest.canonicalUri("/u/a%2Bb%40c")).isEqualTo("/u/a%252Bb%2540c");
        assertThat(CanonicalRequest.canonicalUri("/a/./b/../c//d")).isEqualTo("/a/./b/../c//d");
        assertThat(CanonicalRequest.canonicalUri("/x~y_z-1.2")).isEqualTo("/x~y_z-1.2");
        assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void queryIsDecodedReencodedAndSortedWithBareKeysGivenAnEmptyValue() {
        assertThat(CanonicalRequest.canonicalQuery("sync&userId=alice%40example.com&userGroups=g1&userGroups=g%202", null))
                .isEqualTo("sync=&userGroups=g%202&userGroups=g1&userId=alice%40example.com");
        assertThat(CanonicalRequest.canonicalQuery("b=2&a=z&a=y&c=a+b&d=%7e", null)).isEqualTo("a=y&a=z&b=2&c=a%2Bb&d=~");
        assertThat(CanonicalRequest.canonicalQuery("a=1&X-Amz-Signature=ff", "X-Amz-Signature")).isEqualTo("a=1");
        assertThat(CanonicalRequest.canonicalQuery("bad=%zz", null)).isEqualTo("bad=%25zz");
        assertThat(CanonicalRequest.canonicalQuery(null, null)).isEmpty();
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        Headers headers = new Headers().add("X-Multi", " a   b ").add("x-multi", "c").add("host", "h:1");
        WireRequest request = new WireRequest("GET", "/", null, "other:2", headers, null, null);
        assertThat(CanonicalRequest.canonicalHeaderValue(request, "x-multi")).isEqualTo("a b,c");
        assertThat(CanonicalRequest.canonicalHeaderValue(request, "host")).isEqualTo("h:1");
        assertThat(CanonicalRequest.canonicalHeaderValue(request, ":authority")).isEqualTo("other:2");
        assertThat(CanonicalRequest.canonicalHeaderValue(request, "absent")).isNull();
    }

    @Test
    void signingKeyMatchesTheAwsDocumentedExample() {
        byte[] key = SigningKeys.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        assertThat(SigV4Crypto.hex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    /** The IAM ListUsers example from the AWS SigV4 documentation, end to end. */
    @Test
    void signatureMatchesTheAwsDocumentedListUsersExample() {
        Headers headers = new Headers().add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .add("X-Amz-Date", "20150830T123600Z");
        WireRequest request = new WireRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", "iam.amazonaws.com",
                headers, null, null);
        String canonical = CanonicalRequest.build(request, List.of("content-type", "host", "x-amz-date"),
                SigV4Crypto.sha256Hex(new byte[0]), null);
        assertThat(SigV4Crypto.sha256Hex(canonical))
                .isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        String stringToSign = CanonicalRequest.stringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request",
                canonical);
        assertThat(new SigningKeys().signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1",
                "iam", stringToSign)).isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void signingKeyCacheStaysBounded() {
        SigningKeys keys = new SigningKeys();
        for (int i = 0; i < 2500; i++) {
            keys.key("secret" + i, "20250101", "us-east-1", "sts");
            assertThat(keys.size()).isLessThanOrEqualTo(1000);
        }
        assertThat(keys.key("s", "20250101", "r", "svc")).isEqualTo(SigningKeys.derive("s", "20250101", "r", "svc"));
    }

    @Test
    void datesParseOnlyInTheExactBasicForm() {
        assertThat(AmzDates.parseBasic("20250304T050607Z")).hasToString("2025-03-04T05:06:07Z");
        assertThat(AmzDates.parseBasic("20250230T050607Z")).isNull();
        assertThat(AmzDates.parseBasic("2025-03-04T05:06:07Z")).isNull();
        assertThat(AmzDates.parseBasic("20250304T050607")).isNull();
        assertThat(AmzDates.parseDateHeader("Tue, 04 Mar 2025 05:06:07 GMT")).hasToString("2025-03-04T05:06:07Z");
    }
}
