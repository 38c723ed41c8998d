/**
 * A DEVELOPMENT identity provider (OIDC + SAML 2.0) for {@code ./quire demo} and tests; never for
 * production. Entry point: {@link dev.quire.devidp.DevIdp}.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Keycloak-compatible layout: issuer {@code http://127.0.0.1:<port>/realms/<realm>} (also the
 *       SAML entity id) and Keycloak's endpoint paths, so anything scripted against the Keycloak test
 *       realm works against this IdP, and Quire's loopback-http rule accepts the issuer.</li>
 *   <li>JDK {@code com.sun.net.httpserver} bound to 127.0.0.1 only, so the module depends on no
 *       Quire module and no web framework.</li>
 *   <li>One RSA 2048 key with a self-signed X.509 v3 certificate made by a ~60-line DER encoder
 *       ({@code SelfSignedCertificate}): the JDK has no public certificate builder on Java 17,
 *       {@code keytool} needs a full JDK on the PATH and a subprocess, and Bouncy Castle is too
 *       heavy for this. Kept as PEM files in a caller-given directory so restarts keep the JWKS and
 *       the SAML metadata stable.</li>
 *   <li>All state (login transactions, codes, sessions, access tokens) is in memory and short-lived.</li>
 * </ul>
 */
package dev.quire.devidp;
