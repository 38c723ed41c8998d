package dev.quire.identity.oidc;

import java.util.Objects;

/**
 * Why a web identity token was refused. Each {@link Code} maps to exactly one STS wire error, so the
 * STS handler renders it without looking at the message.
 */
public class WebIdentityException extends Exception {

    /** The STS error a refusal is reported as (API-REFERENCE.md §4). */
    public enum Code {
        INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
        EXPIRED_TOKEN("ExpiredTokenException", 400),
        IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
        IDP_REJECTED_CLAIM("IDPRejectedClaim", 403);

        private final String wireCode;
        private final int httpStatus;

        Code(String wireCode, int httpStatus) {
            this.wireCode = wireCode;
            this.httpStatus = httpStatus;
        }

        /** The value of {@code <Error><Code>} in the awsQuery error response. */
        public String wireCode() {
            return wireCode;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;

    public WebIdentityException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public WebIdentityException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }

    static WebIdentityException invalid(String message) {
        return new WebIdentityException(Code.INVALID_IDENTITY_TOKEN, message);
    }

    static WebIdentityException idpCommunication(String message, Throwable cause) {
        return new WebIdentityException(Code.IDP_COMMUNICATION_ERROR, message, cause);
    }
}
