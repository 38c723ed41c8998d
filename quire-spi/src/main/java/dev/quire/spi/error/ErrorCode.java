package dev.quire.spi.error;

/**
 * Every AWS error Quire's domain can raise: the wire code the SDKs map to an exception class,
 * the HTTP status, and whether the caller (Sender) or the server (Receiver) is at fault.
 * One table, so each protocol renders the same error the same way (API-REFERENCE §§3–6).
 */
public enum ErrorCode {
    // qbusiness (restJson1)
    ACCESS_DENIED("AccessDeniedException", 403),
    VALIDATION("ValidationException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    THROTTLING("ThrottlingException", 429),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    LICENSE_NOT_FOUND("LicenseNotFoundException", 400),
    INTERNAL_SERVER("InternalServerException", 500),
    EXTERNAL_RESOURCE("ExternalResourceException", 424),

    // IAM (awsQuery)
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    INVALID_INPUT("InvalidInput", 400),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400),
    IAM_ACCESS_DENIED("AccessDenied", 403),
    SERVICE_FAILURE("ServiceFailure", 500),

    // STS (awsQuery)
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
    EXPIRED_TOKEN("ExpiredTokenException", 400),
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403),
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_ACTION("InvalidAction", 400),
    /** STS parameter validation (e.g. RoleSessionName pattern, DurationSeconds range). */
    STS_VALIDATION("ValidationError", 400),
    /** STS refusals (trust policy, unknown role): the SDKs map it to a generic StsException. */
    STS_ACCESS_DENIED("AccessDenied", 403),

    // Secrets Manager (awsJson1.1)
    SM_RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    SM_RESOURCE_EXISTS("ResourceExistsException", 400),
    SM_INVALID_PARAMETER("InvalidParameterException", 400),
    SM_INVALID_REQUEST("InvalidRequestException", 400),
    SM_DECRYPTION_FAILURE("DecryptionFailure", 400),
    SM_INTERNAL("InternalServiceError", 500),
    SM_ACCESS_DENIED("AccessDeniedException", 400);

    private final String wireCode;
    private final int httpStatus;

    ErrorCode(String wireCode, int httpStatus) {
        this.wireCode = wireCode;
        this.httpStatus = httpStatus;
    }

    public String wireCode() {
        return wireCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** AWS's awsQuery {@code <Type>}: Receiver for server faults, Sender for everything else. */
    public boolean senderFault() {
        return httpStatus < 500;
    }
}
