package dev.quire.identity.oidc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up (and cancels the download) as soon as it exceeds a byte cap,
 * so a hostile or broken IdP cannot make Quire buffer an unbounded document.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("response body exceeds " + cap + " bytes");
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBodySubscriber(long cap) {
        this.cap = cap;
    }

    /** A handler that refuses early on a too-large Content-Length and caps the body otherwise. */
    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> {
            CappedBodySubscriber subscriber = new CappedBodySubscriber(cap);
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
            if (declared > cap) {
                subscriber.result.completeExceptionally(new TooLargeException(cap));
            }
            return subscriber;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(cap));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }
}
