package dev.quire.protocol;

/** The AWS wire protocols Quire speaks. */
public enum WireProtocol {
    /** qbusiness: HTTP method + URI template, JSON bodies, x-amzn-ErrorType errors. */
    REST_JSON,
    /** IAM and STS: form-encoded Action requests, XML responses. */
    AWS_QUERY,
    /** Secrets Manager: X-Amz-Target + JSON 1.1 bodies. */
    AWS_JSON_1_1
}
