package dev.quire.protocol.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body produced while it is sent (a chat answer as Server-Sent Events). The listener
 * sends the status and headers first, then calls {@link #writeTo}; the body flushes after each
 * piece the client should see at once.
 */
public interface StreamingBody {
    /** Writes the body; the listener closes {@code out} afterwards. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * What ends the stream when {@link #writeTo} throws after the headers went out, when no error
     * status can be sent any more (for Server-Sent Events: an {@code error} event). It must not
     * carry the failure's details, which are for the server log only.
     */
    default byte[] failureEnding(RuntimeException failure) {
        return new byte[0];
    }
}
