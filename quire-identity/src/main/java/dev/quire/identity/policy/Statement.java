package dev.quire.identity.policy;

import java.util.List;
import java.util.Objects;

/**
 * One parsed statement. Exactly one of Action/NotAction is present (the {@code notAction} flag says
 * which); Resource/NotResource and Principal/NotPrincipal likewise, each possibly absent.
 *
 * @param index 1-based position in the policy
 * @param sid the Sid, or null
 * @param principal the Principal or NotPrincipal element, or null
 * @param resources empty when the statement has neither Resource nor NotResource
 */
public record Statement(
        int index,
        String sid,
        StatementEffect effect,
        PrincipalSpec principal,
        boolean notPrincipal,
        List<String> actions,
        boolean notAction,
        List<ValueTemplate> resources,
        boolean notResource,
        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public boolean hasResourceElement() {
        return !resources.isEmpty();
    }

    /** The Sid, or "#index" when the statement has none (a Sid is alphanumeric, so never "#..."). */
    public String label() {
        return sid != null ? sid : "#" + index;
    }
}
