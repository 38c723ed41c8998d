package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ErrorRenderer;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.errors.WireError;
import dev.quire.protocol.errors.WireErrorException;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders every failure below it as the called service's AWS error. Only unexpected failures are
 * logged (with the request id), and their details never reach the caller.
 */
public final class ErrorStage implements Stage {
    private static final Logger LOG = Logger.getLogger(ErrorStage.class.getName());
    private final ErrorTranslator translator;

    public ErrorStage(ErrorTranslator translator) {
        this.translator = translator;
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        try {
            return chain.proceed(request);
        } catch (WireErrorException e) {
            return render(request, e.error());
        } catch (RuntimeException e) {
            WireError translated = translator.translate(e);
            if (translated != null) {
                return render(request, translated);
            }
            RequestId id = request.attribute(RequestId.class);
            LOG.log(Level.SEVERE, "request " + (id == null ? "?" : id.value()) + " failed", e);
            AwsService service = serviceOf(request);
            return render(request, ProtocolFailure.INTERNAL.toWire(service.protocol()));
        }
    }

    private static WireResponse render(WireRequest request, WireError error) {
        RequestId id = request.attribute(RequestId.class);
        request.attribute(WireError.class, error);
        return ErrorRenderer.render(serviceOf(request), error, id == null ? null : id.value());
    }

    private static AwsService serviceOf(WireRequest request) {
        AwsService service = request.attribute(AwsService.class);
        return service != null ? service : ServiceGuess.fromShape(request);
    }
}
