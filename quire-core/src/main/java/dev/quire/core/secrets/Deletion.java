package dev.quire.core.secrets;

import java.time.Instant;

/** DeleteSecret's answer: when the secret is (or was) deleted for good. */
public record Deletion(String arn, String name, Instant deletionDate) {
}
