package dev.quire.protocol.restjson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the restJson1 operation for a request line; routes with a required query key win ties. */
public final class RouteTable {
    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing((Route r) -> r.requiredQueryKey() == null));
        this.routes = List.copyOf(sorted);
    }

    public record Match(Route route, Map<String, String> labels) {
    }

    public Optional<Match> find(String method, String rawPath, Map<String, List<String>> query) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> segments = Arrays.asList(path.split("/", -1));
        for (Route route : routes) {
            if (route.requiredQueryKey() != null && !query.containsKey(route.requiredQueryKey())) {
                continue;
            }
            Map<String, String> labels = route.match(method, segments);
            if (labels != null) {
                return Optional.of(new Match(route, labels));
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
