package dev.quire.server.api.qbusiness;

import static dev.quire.server.api.qbusiness.ControlPlaneOutput.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.webexperience.WebCustomization;
import dev.quire.core.qbusiness.webexperience.WebExperience;
import dev.quire.core.qbusiness.webexperience.WebExperienceSettings;
import dev.quire.core.qbusiness.webexperience.WebExperiences;
import dev.quire.core.qbusiness.webexperience.WebIdentityProvider;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Web experiences: Create/Get/List/Update/Delete. */
public final class WebExperiencesArea implements QBusinessArea {
    private static final Pattern ORIGIN = Pattern.compile("(http|https)://[a-zA-Z0-9\\-:.\\[\\]]+/?");
    private static final List<String> PROVIDERS = List.of("samlConfiguration", "openIDConnectConfiguration");

    private final WebExperiences experiences;

    public WebExperiencesArea(WebExperiences experiences) {
        this.experiences = experiences;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateWebExperience", this::create, "GetWebExperience", this::get,
                "ListWebExperiences", this::list, "UpdateWebExperience", this::update,
                "DeleteWebExperience", this::delete);
    }

    private WireResponse create(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        WebExperience.Create request = new WebExperience.Create(settings(in), in.tags("tags"));
        WebExperience w = experiences.create(call.label("applicationId"), request, in.string("clientToken", 1, 100));
        ObjectNode body = JsonResponses.object();
        body.put("webExperienceId", w.webExperienceId());
        body.put("webExperienceArn", w.webExperienceArn());
        return JsonResponses.ok(body);
    }

    private static WebExperienceSettings settings(ControlPlaneInput in) {
        List<String> origins = in.strings("origins", 10, 1, 256);
        if (origins != null) {
            origins.stream().filter(o -> !ORIGIN.matcher(o).matches()).findFirst().ifPresent(o -> {
                throw in.invalid("origins", "must hold origins like https://example.com (scheme, host, port), not "
                        + o + ".");
            });
        }
        ControlPlaneInput extensions = in.object("browserExtensionConfiguration");
        List<String> browsers = null;
        if (extensions != null) {
            browsers = extensions.strings("enabledBrowserExtensions", 2, 1, 16);
            if (browsers == null || !List.of("FIREFOX", "CHROME").containsAll(browsers)) {
                throw extensions.invalid("enabledBrowserExtensions", "must list FIREFOX and/or CHROME.");
            }
        }
        ControlPlaneInput c = in.object("customizationConfiguration");
        WebCustomization customization = c == null ? null : new WebCustomization(c.string("customCSSUrl", 0, 1284),
                c.string("logoUrl", 0, 1284), c.string("fontUrl", 0, 1284), c.string("faviconUrl", 0, 1284));
        return new WebExperienceSettings(in.string("title", 0, 500), in.string("subtitle", 0, 500),
                in.string("welcomeMessage", 0, 300),
                in.enumValue("samplePromptsControlMode", ApplicationsArea.ON_OFF), origins,
                in.string("roleArn", 0, 1284), identityProvider(in), browsers, customization);
    }

    private static WebIdentityProvider identityProvider(ControlPlaneInput in) {
        ControlPlaneInput p = in.object("identityProviderConfiguration");
        if (p == null) {
            return null;
        }
        String member = p.unionMember("identityProviderConfiguration", PROVIDERS);
        ControlPlaneInput c = p.object(member);
        return member.equals("samlConfiguration")
                ? new WebIdentityProvider(c.requiredString("authenticationUrl", 1, 1284), null, null)
                : new WebIdentityProvider(null, c.requiredString("secretsArn", 0, 1284),
                        c.requiredString("secretsRole", 0, 1284));
    }

    private WireResponse get(QBusinessCall call) {
        WebExperience w = experiences.get(call.label("applicationId"), call.label("webExperienceId"));
        WebExperienceSettings s = w.settings();
        ObjectNode body = JsonResponses.object();
        summary(body, w);
        body.put("applicationId", w.applicationId());
        body.put("webExperienceArn", w.webExperienceArn());
        put(body, "title", s.title());
        put(body, "subtitle", s.subtitle());
        put(body, "welcomeMessage", s.welcomeMessage());
        put(body, "samplePromptsControlMode", s.samplePromptsControlMode());
        ControlPlaneOutput.putStrings(body, "origins", s.origins());
        put(body, "roleArn", s.roleArn());
        WebIdentityProvider p = s.identityProvider();
        if (p != null) {
            ObjectNode union = body.putObject("identityProviderConfiguration");
            if (p.saml()) {
                union.putObject("samlConfiguration").put("authenticationUrl", p.samlAuthenticationUrl());
            } else {
                union.putObject("openIDConnectConfiguration").put("secretsArn", p.oidcSecretsArn())
                        .put("secretsRole", p.oidcSecretsRole());
            }
        }
        if (s.browserExtensions() != null) {
            ControlPlaneOutput.putStrings(body.putObject("browserExtensionConfiguration"), "enabledBrowserExtensions",
                    s.browserExtensions());
        }
        WebCustomization c = s.customization();
        if (c != null) {
            ObjectNode node = body.putObject("customizationConfiguration");
            put(node, "customCSSUrl", c.customCSSUrl());
            put(node, "logoUrl", c.logoUrl());
            put(node, "fontUrl", c.fontUrl());
            put(node, "faviconUrl", c.faviconUrl());
        }
        return JsonResponses.ok(body);
    }

    private WireResponse list(QBusinessCall call) {
        Page<WebExperience> page = experiences.list(call.label("applicationId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("webExperiences");
        page.items().forEach(w -> summary(list.addObject(), w));
        ControlPlaneOutput.putNextToken(body, page.nextToken());
        return JsonResponses.ok(body);
    }

    private static void summary(ObjectNode node, WebExperience w) {
        node.put("webExperienceId", w.webExperienceId());
        JsonResponses.putTimestamp(node, "createdAt", w.createdAt());
        JsonResponses.putTimestamp(node, "updatedAt", w.updatedAt());
        node.put("defaultEndpoint", w.defaultEndpoint());
        node.put("status", w.status());
    }

    private WireResponse update(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        if (in.has("authenticationConfiguration")) {
            throw in.invalid("authenticationConfiguration",
                    "is deprecated; use identityProviderConfiguration.samlConfiguration instead.");
        }
        experiences.update(call.label("applicationId"), call.label("webExperienceId"), settings(in));
        return ControlPlaneOutput.empty();
    }

    private WireResponse delete(QBusinessCall call) {
        experiences.delete(call.label("applicationId"), call.label("webExperienceId"));
        return ControlPlaneOutput.empty();
    }
}
