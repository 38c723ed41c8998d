package dev.quire.protocol.errors;

import dev.quire.protocol.WireProtocol;

/**
 * Failures detected by the protocol layer itself (before any domain code runs), with the AWS
 * error each protocol family uses for them. Authentication failures share one message per code
 * so a caller cannot tell which check failed.
 */
public enum ProtocolFailure {
    MISSING_AUTHENTICATION("MissingAuthenticationTokenException", "MissingAuthenticationToken", 403,
            "Request is missing Authentication Token"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", "IncompleteSignature", 403,
            "The request signature is incomplete or malformed."),
    UNKNOWN_ACCESS_KEY("UnrecognizedClientException", "InvalidClientTokenId", 403,
            "The security token included in the request is invalid."),
    SIGNATURE_MISMATCH("InvalidSignatureException", "SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key, signing method and clock."),
    EXPIRED_TOKEN("ExpiredTokenException", "ExpiredToken", 403,
            "The security token included in the request is expired"),
    MALFORMED_REQUEST("SerializationException", "MalformedInput", 400,
            "The request body could not be parsed."),
    BODY_TOO_LARGE("RequestEntityTooLargeException", "RequestEntityTooLarge", 413,
            "The request body is too large."),
    UNKNOWN_OPERATION("UnknownOperationException", "InvalidAction", 400,
            "The requested operation is not supported by this endpoint."),
    NOT_READY("ServiceUnavailableException", "ServiceUnavailable", 503,
            "Quire is starting; retry in a moment."),
    INTERNAL("InternalServerException", "InternalFailure", 500,
            "The request processing has failed because of an unknown error.");

    private final String jsonCode;
    private final String queryCode;
    private final int status;
    private final String message;

    ProtocolFailure(String jsonCode, String queryCode, int status, String message) {
        this.jsonCode = jsonCode;
        this.queryCode = queryCode;
        this.status = status;
        this.message = message;
    }

    public String defaultMessage() {
        return message;
    }

    public WireError toWire(WireProtocol protocol) {
        return toWire(protocol, message);
    }

    /** The AWS error for this failure in {@code protocol}, with a more specific message. */
    public WireError toWire(WireProtocol protocol, String detail) {
        String code = protocol == WireProtocol.AWS_QUERY ? queryCode : jsonCode;
        if (this == MALFORMED_REQUEST && protocol == WireProtocol.REST_JSON) {
            // qbusiness models parse failures as ValidationException with reason CANNOT_PARSE.
            return new WireError("ValidationException", 400, true, detail, java.util.Map.of("reason", "CANNOT_PARSE"));
        }
        if (this == INTERNAL && protocol == WireProtocol.AWS_JSON_1_1) {
            code = "InternalServiceError";
        }
        return new WireError(code, status, status < 500, detail, java.util.Map.of());
    }

    public WireErrorException exception(WireProtocol protocol) {
        return new WireErrorException(toWire(protocol));
    }

    public WireErrorException exception(WireProtocol protocol, String detail) {
        return new WireErrorException(toWire(protocol, detail));
    }
}
