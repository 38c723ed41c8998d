package dev.quire.server.api;

import dev.quire.identity.policy.Decision;
import dev.quire.identity.sts.DecisionListener;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.pipeline.AuditNotes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts policy decisions into the request's audit line: action, resource, effect, deciding statement. */
public final class AuditDecisions {
    private AuditDecisions() {
    }

    public static DecisionListener into(WireRequest request) {
        AuditNotes notes = request.attribute(AuditNotes.class);
        List<Map<String, Object>> decisions = new ArrayList<>();
        return (action, resource, decision) -> {
            decisions.add(describe(action, resource, decision));
            if (notes != null) {
                notes.put("decisions", List.copyOf(decisions));
            }
        };
    }

    public static Map<String, Object> describe(String action, String resource, Decision decision) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("action", action);
        d.put("resource", resource);
        d.put("decision", decision.effect().name());
        if (decision.decidingPolicy() != null) {
            d.put("policy", decision.decidingPolicy());
        }
        if (decision.decidingStatement() != null) {
            d.put("statement", decision.decidingStatement());
        }
        return d;
    }
}
