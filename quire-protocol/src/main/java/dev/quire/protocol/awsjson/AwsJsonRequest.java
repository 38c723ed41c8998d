package dev.quire.protocol.awsjson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A decoded awsJson1.1 request (Secrets Manager): operation from X-Amz-Target and the JSON body. */
public record AwsJsonRequest(String operation, ObjectNode body) {

    /**
     * @param target the X-Amz-Target header, e.g. {@code secretsmanager.ListSecrets}
     * @param expectedPrefix e.g. {@code secretsmanager}
     */
    public static String operationFromTarget(String target, String expectedPrefix) {
        if (target == null) {
            throw new IllegalArgumentException("missing X-Amz-Target header");
        }
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || !target.substring(0, dot).equalsIgnoreCase(expectedPrefix) || dot == target.length() - 1) {
            throw new IllegalArgumentException("X-Amz-Target " + target + " is not a " + expectedPrefix + " operation");
        }
        return target.substring(dot + 1);
    }
}
