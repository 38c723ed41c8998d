package dev.quire.embed.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyEmbedderTest {
    @TempDir
    static Path cache;

    @Test
    void loadInBackgroundReturnsAtOnceAndLoadsTheSharedModel() throws InterruptedException {
        LazyEmbedder lazy = new LazyEmbedder(cache);
        lazy.loadInBackground();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!LazyEmbedder.isLoaded() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(LazyEmbedder.isLoaded()).as("the background load finished").isTrue();
        assertThat(lazy.embed("who are the project team members?")).hasSize(lazy.dimension());
        lazy.loadInBackground(); // a second call with the model loaded is a no-op
        assertThat(LazyEmbedder.isLoaded()).isTrue();
    }
}
