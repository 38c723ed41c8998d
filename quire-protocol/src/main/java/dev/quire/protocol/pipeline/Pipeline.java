package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.util.List;

/** The request lifecycle as data: an ordered list of stages (see STYLE.md, OkHttp and Javalin). */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        this.stages = List.copyOf(stages);
    }

    public WireResponse handle(WireRequest request) {
        return new Chain(stages, 0).proceed(request);
    }
}
