package dev.quire.server.api;

import dev.quire.protocol.errors.WireError;
import dev.quire.protocol.pipeline.ErrorTranslator;
import dev.quire.spi.error.ApiError;

/** Domain {@link ApiError}s become wire errors here, and only here. */
public final class ApiErrors implements ErrorTranslator {
    @Override
    public WireError translate(RuntimeException failure) {
        if (failure instanceof ApiError e) {
            return new WireError(e.code().wireCode(), e.code().httpStatus(), e.code().senderFault(),
                    e.getMessage(), e.members());
        }
        return null;
    }
}
