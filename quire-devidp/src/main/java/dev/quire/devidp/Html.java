package dev.quire.devidp;

import java.util.Map;

/** The IdP's HTML pages. Every value is escaped; every page carries the dev-only banner. */
final class Html {
    static final String BANNER_TEXT = "Development IdP \u2014 not for production";

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body, String scriptNonce, String script) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + " \u2014 " + escape(BANNER_TEXT) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:0}main{max-width:28rem;margin:2rem auto;padding:0 1rem}"
                + ".dev-banner{background:#b00020;color:#fff;font-weight:bold;padding:.75rem 1rem;text-align:center}"
                + "label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=password]{width:100%;padding:.4rem}"
                + "button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}</style></head><body>"
                + "<div class=\"dev-banner\" role=\"alert\" id=\"dev-banner\">" + escape(BANNER_TEXT)
                + ": accounts and keys here are throw-away test data.</div><main><h1>" + escape(title) + "</h1>"
                + body + "</main>"
                + (script == null ? "" : "<script nonce=\"" + escape(scriptNonce) + "\">" + script + "</script>")
                + "</body></html>\n";
    }

    /**
     * The login form. {@code continueAs} is the display name of the user already signed in at this
     * IdP (then one click continues), or null.
     */
    static String loginPage(String realm, String audience, String formAction, String transactionId, String csrfToken,
                            String continueAs, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<p>Signing in to <strong>").append(escape(audience)).append("</strong> (realm ")
                .append(escape(realm)).append(").</p>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"login-error\">").append(escape(error)).append("</p>");
        }
        String hidden = hidden("tx", transactionId) + hidden("csrf", csrfToken);
        if (continueAs != null) {
            body.append("<form id=\"devidp-continue\" method=\"post\" action=\"").append(escape(formAction)).append("\">")
                    .append(hidden).append(hidden("action", "continue"))
                    .append("<button type=\"submit\">Continue as ").append(escape(continueAs)).append("</button></form>")
                    .append("<p>Or sign in as someone else:</p>");
        }
        body.append("<form id=\"devidp-login\" method=\"post\" action=\"").append(escape(formAction)).append("\">")
                .append(hidden).append(hidden("action", "login"))
                .append("<label for=\"username\">Username</label>")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" autofocus>")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">")
                .append("<button type=\"submit\">Sign in</button></form>");
        return page("Sign in", body.toString(), null, null);
    }

    /** The SAML POST binding: a form that submits itself to the ACS (with a button when scripts are off). */
    static String autoPost(String action, Map<String, String> fields, String scriptNonce) {
        StringBuilder body = new StringBuilder("<form id=\"devidp-post\" method=\"post\" action=\"")
                .append(escape(action)).append("\">");
        fields.forEach((name, value) -> body.append(hidden(name, value)));
        body.append("<p>Returning to the application\u2026</p><button type=\"submit\">Continue</button></form>");
        return page("Signed in", body.toString(), scriptNonce, "document.getElementById('devidp-post').submit();");
    }

    static String message(String title, String text) {
        return page(title, "<p>" + escape(text) + "</p>", null, null);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }
}
