package dev.quire.devidp;

import java.util.List;
import java.util.Objects;

/**
 * A user of the development IdP. The password is kept in clear text on purpose: this IdP exists
 * only for demos and tests, with throw-away accounts.
 *
 * @param username    the login name typed into the form; also the seed of the stable {@code sub}
 * @param password    the login password
 * @param email       becomes the {@code email} claim, the SAML NameID, RoleSessionName and the
 *                    {@code Email} principal tag
 * @param displayName becomes the {@code name} claim
 * @param groups      becomes the {@code groups} claim (omitted when empty, as Keycloak does)
 */
public record DevUser(String username, String password, String email, String displayName, List<String> groups) {
    public DevUser {
        requireText(username, "username");
        requireText(password, "password");
        requireText(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        groups = List.copyOf(groups);
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DevUser[" + username + ", " + email + "]";
    }
}
