package dev.quire.identity.policy;

/** The Effect element of a statement. */
public enum StatementEffect { ALLOW, DENY }
