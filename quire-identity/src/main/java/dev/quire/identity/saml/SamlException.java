package dev.quire.identity.saml;

/**
 * A SAML response or metadata document was rejected. The {@link Code} maps one-to-one to the STS
 * error the caller returns; the message is a short reason meant for logs and tests, not for echoing
 * signature details to an attacker.
 */
public class SamlException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The STS error this rejection becomes. */
    public enum Code {
        /** {@code InvalidIdentityToken}: bad signature, malformed, wrong audience or issuer, replay. */
        INVALID_IDENTITY_TOKEN,
        /** {@code ExpiredTokenException}: outside NotBefore / NotOnOrAfter (with clock skew). */
        EXPIRED_TOKEN
    }

    private final Code code;

    public SamlException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public SamlException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    static SamlException invalid(String message) {
        return new SamlException(Code.INVALID_IDENTITY_TOKEN, message);
    }

    static SamlException invalid(String message, Throwable cause) {
        return new SamlException(Code.INVALID_IDENTITY_TOKEN, message, cause);
    }

    static SamlException expired(String message) {
        return new SamlException(Code.EXPIRED_TOKEN, message);
    }
}
