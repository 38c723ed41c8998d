package dev.quire.cli.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading to fill in an IdP's sign-in form and to pick the SAMLResponse out of its
 * auto-posting page: forms, their action and inputs. IdP pages are simple and server-rendered; this
 * is not a general HTML parser and does not run scripts.
 */
final class HtmlForms {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
    // Messages IdPs put next to a refused login: Keycloak's field error and error page, the dev IdP's.
    private static final Pattern ERROR_TEXT = Pattern.compile(
            "id=\"(?:input-error[\\w-]*|kc-error-message|login-error)\"[^>]*>(.*?)</",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    record Input(String name, String type, String value) {
    }

    record Form(String action, List<Input> inputs) {
        boolean hasPassword() {
            return inputs.stream().anyMatch(i -> i.type().equals("password"));
        }

        Optional<String> value(String name) {
            return inputs.stream().filter(i -> name.equals(i.name())).map(Input::value).findFirst();
        }
    }

    private HtmlForms() {
    }

    static List<Form> forms(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html == null ? "" : html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            List<Input> inputs = new ArrayList<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(1));
                if (a.containsKey("name")) {
                    inputs.add(new Input(a.get("name"), a.getOrDefault("type", "text").toLowerCase(Locale.ROOT),
                            a.getOrDefault("value", "")));
                }
            }
            forms.add(new Form(attributes.getOrDefault("action", ""), inputs));
        }
        return forms;
    }

    /** The first form carrying an input of this name (e.g. the IdP's page posting SAMLResponse). */
    static Optional<Form> formWith(String html, String inputName) {
        return forms(html).stream().filter(f -> f.value(inputName).isPresent()).findFirst();
    }

    /** The form with a password field: the sign-in form. */
    static Optional<Form> passwordForm(String html) {
        return forms(html).stream().filter(Form::hasPassword).findFirst();
    }

    /**
     * The fields a browser would post when the user types into the sign-in form: hidden inputs as
     * they are, the first text or email field as the username, every password field as the password.
     */
    static Map<String, String> filledIn(Form form, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean usernameSet = false;
        for (Input i : form.inputs()) {
            switch (i.type()) {
                case "hidden" -> fields.put(i.name(), i.value());
                case "password" -> fields.put(i.name(), password);
                case "text", "email" -> {
                    if (!usernameSet) {
                        fields.put(i.name(), username);
                        usernameSet = true;
                    }
                }
                default -> {
                    // checkboxes, buttons: a user signing in leaves them alone
                }
            }
        }
        return fields;
    }

    /** The IdP's message about a refused sign-in, if the page shows one. */
    static Optional<String> errorMessage(String html) {
        Matcher m = ERROR_TEXT.matcher(html == null ? "" : html);
        while (m.find()) {
            String text = unescape(m.group(1).replaceAll("<[^>]*>", "")).strip();
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    static String unescape(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static Map<String, String> attributes(String tagBody) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(tagBody);
        while (a.find()) {
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
            out.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return out;
    }
}
