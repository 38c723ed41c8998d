package dev.quire.core.qbusiness.documents;

/** The qbusiness ErrorCode enum of a FailedDocument / ErrorDetail, with its wire value. */
public enum DocumentErrorCode {
    INTERNAL_ERROR("InternalError"),
    INVALID_REQUEST("InvalidRequest"),
    RESOURCE_INACTIVE("ResourceInactive"),
    RESOURCE_NOT_FOUND("ResourceNotFound");

    private final String wire;

    DocumentErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
