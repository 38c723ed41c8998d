package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.util.List;

/**
 * The rest of the pipeline as seen by one stage. Immutable: proceeding creates the next chain,
 * and proceeding twice from the same chain is a programming error that fails loudly.
 */
public final class Chain {
    private final List<Stage> stages;
    private final int index;
    private boolean proceeded;

    Chain(List<Stage> stages, int index) {
        this.stages = stages;
        this.index = index;
    }

    public WireResponse proceed(WireRequest request) {
        if (proceeded) {
            throw new IllegalStateException("stage " + stages.get(index - 1).getClass().getSimpleName()
                    + " called proceed() twice");
        }
        proceeded = true;
        if (index >= stages.size()) {
            throw new IllegalStateException("the last stage must answer, not proceed");
        }
        WireResponse response = stages.get(index).handle(request, new Chain(stages, index + 1));
        if (response == null) {
            throw new IllegalStateException(stages.get(index).getClass().getSimpleName() + " returned no response");
        }
        return response;
    }
}
