package dev.quire.identity.policy;

import java.util.List;
import java.util.Objects;

/**
 * An immutable, validated IAM policy document. Build one with {@link #parse(String)}; it then holds
 * only well-formed statements, so evaluation never meets a surprise.
 */
public final class PolicyDocument {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    private final String version;
    private final String id;
    private final List<Statement> statements;
    private final String name;

    PolicyDocument(String version, String id, List<Statement> statements, String name) {
        this.version = Objects.requireNonNull(version);
        this.id = id;
        this.statements = List.copyOf(statements);
        this.name = name;
    }

    /** Parses with syntax and element checks but no kind or size quota ({@link ParseOptions#lenient()}). */
    public static PolicyDocument parse(String json) {
        return parse(json, ParseOptions.lenient());
    }

    /** @throws MalformedPolicyException with a reason naming what is wrong */
    public static PolicyDocument parse(String json, ParseOptions options) {
        Objects.requireNonNull(options, "options");
        PolicyDocument doc = PolicyParser.parse(json, options.maxChars());
        if (options.kind() != null) {
            doc.requireKind(options.kind());
        }
        return doc;
    }

    /** "2012-10-17" or "2008-10-17" (the IAM default when Version is absent). */
    public String version() {
        return version;
    }

    /** The Id element, or null. */
    public String id() {
        return id;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** A label for decisions and audit (e.g. the policy ARN), or null. */
    public String name() {
        return name;
    }

    /** The same document labelled with {@code name} (reported as the deciding policy). */
    public PolicyDocument named(String newName) {
        return new PolicyDocument(version, id, statements, Objects.requireNonNull(newName, "name"));
    }

    /** Whether policy variables are substituted (only from Version 2012-10-17 on, as in IAM). */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }

    /** @throws MalformedPolicyException when the document does not fit where it is attached */
    public void requireKind(PolicyKind kind) {
        for (Statement s : statements) {
            String where = "Statement " + s.index() + ": ";
            if (kind == PolicyKind.IDENTITY) {
                if (s.principal() != null) {
                    throw new MalformedPolicyException(where + "an identity policy must not specify a Principal or NotPrincipal");
                }
                if (!s.hasResourceElement()) {
                    throw new MalformedPolicyException(where + "Statement needs Resource or NotResource");
                }
            } else {
                if (s.principal() == null) {
                    throw new MalformedPolicyException(where + "a trust policy statement needs Principal or NotPrincipal");
                }
                if (s.hasResourceElement()) {
                    throw new MalformedPolicyException(where + "a trust policy must not specify Resource or NotResource");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PolicyDocument[" + (name != null ? name : id != null ? id : "unnamed") + ", version=" + version
                + ", statements=" + statements.size() + "]";
    }
}
