package dev.quire.identity.iam;

/** One Key/Value tag as sent in a Tags.member.N structure (value may be empty, never null once validated). */
public record IamTag(String key, String value) {
}
