package dev.quire.server.support;

import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** An SDK HTTP client that changes each request AFTER the SDK signed it — an attacker on the wire. */
public final class TamperingHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate = ApacheHttpClient.create();
    private final UnaryOperator<HttpExecuteRequest> tamper;

    public TamperingHttpClient(UnaryOperator<HttpExecuteRequest> tamper) {
        this.tamper = tamper;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return delegate.prepareRequest(tamper.apply(request));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
