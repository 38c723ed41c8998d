package dev.quire.devidp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo-like realm every test starts, and a cookie-keeping browser that does not follow redirects. */
final class TestIdp {
    static final String USER = "mary";
    static final String PASSWORD = "correct horse";
    static final String EMAIL = "mary.major@example.com";
    static final String CLIENT_ID = "quire-web";
    static final String CLIENT_SECRET = "client-secret-1";
    static final String SP = "urn:amazon:webservices";
    static final String ACS = "http://localhost:8000/saml";
    static final String ROLE_VALUE = "arn:aws:iam::123456789012:role/QBusinessWebRole,arn:aws:iam::123456789012:saml-provider/DevIdp";

    private TestIdp() {
    }

    static DevIdp start() {
        return DevIdp.builder()
                .user(USER, PASSWORD, EMAIL, "Mary Major", "engineering", "all-staff")
                .user("john", "johns-password", "john.doe@example.com", "John <Doe>")
                .oidcClient(CLIENT_ID, CLIENT_SECRET, "http://127.0.0.1/*")
                .samlServiceProvider(SP, ROLE_VALUE, ACS, "http://127.0.0.1/qbusiness/*")
                .build()
                .start();
    }

    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
            return post(url, form, null);
        }

        HttpResponse<String> post(String url, Map<String, String> form, String authorization)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncode(form)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Submits the form with the given id from an HTML page, adding {@code fields} to its hidden inputs. */
        HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields)
                throws IOException, InterruptedException {
            Form form = Form.parse(page.body(), formId);
            Map<String, String> values = new LinkedHashMap<>(form.fields());
            values.putAll(fields);
            return post(form.action(), values);
        }
    }

    record Form(String action, Map<String, String> fields) {
        static Form parse(String html, String id) {
            Matcher form = Pattern.compile("<form id=\"" + id + "\" method=\"post\" action=\"([^\"]*)\">(.*?)</form>",
                    Pattern.DOTALL).matcher(html);
            if (!form.find()) {
                throw new AssertionError("no form " + id + " in " + html);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(form.group(2));
            while (input.find()) {
                fields.put(unescape(input.group(1)), unescape(input.group(2)));
            }
            return new Form(unescape(form.group(1)), fields);
        }
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static String urlEncode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(Exchange.encode(k)).append('=')
                .append(Exchange.encode(v)));
        return out.toString();
    }

    static Map<String, String> queryOf(String location) {
        return Exchange.parseParameters(URI.create(location).getRawQuery());
    }
}
