package dev.quire.examples;

import java.util.Map;

/** Reads the seed's environment variables; a missing one stops the program as the seed's scripts do. */
public final class Env {
    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The value of {@code name}, or {@link MissingVariableException} when it is unset or empty. */
    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingVariableException(name);
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The region the seed's boto3 clients use: AWS_DEFAULT_REGION, else AWS_REGION, else us-east-1. */
    public String region() {
        return optional("AWS_DEFAULT_REGION", optional("AWS_REGION", "us-east-1"));
    }

    /** Thrown for an unset variable; {@link #getMessage()} is the seed's own line. */
    public static final class MissingVariableException extends RuntimeException {
        public MissingVariableException(String name) {
            super("Environment variable " + name + " is not set.");
        }
    }
}
