package dev.quire.server.web;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.webexperience.WebExperience;
import java.net.URI;

/** The web experience a request addresses, its application, and where it lives. */
record WebTarget(WebExperience experience, Application app) {
    String id() {
        return experience.webExperienceId();
    }

    /** e.g. {@code http://127.0.0.1:8080/web/<id>/} */
    String endpoint() {
        return experience.defaultEndpoint();
    }

    /** e.g. {@code /web/<id>/}: the cookie path, so no other web experience sees the cookie. */
    String path() {
        return URI.create(endpoint()).getRawPath();
    }

    boolean secure() {
        return endpoint().startsWith("https:");
    }

    String callbackUri() {
        return endpoint() + "authorization-code/callback";
    }

    /** The region of the application's ARN (the session's calls are made there). */
    String region() {
        return app.applicationArn().split(":")[3];
    }
}
