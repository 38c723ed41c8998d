package dev.quire.server.http;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.StreamingBody;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one listener: HTTP/1.1 and HTTP/2 cleartext with prior knowledge on the same port (Jetty's
 * HTTP/1.1 connection sees the {@code PRI * HTTP/2.0} preface and hands over to h2c), because
 * the SDKs' qbusiness clients default to h2c while STS, IAM and Secrets Manager use HTTP/1.1.
 * It converts requests to {@link WireRequest}s and knows nothing about AWS.
 */
public final class JettyListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JettyListener.class.getName());
    private final Server server;
    private final ServerConnector connector;

    /**
     * @param app         answers every request
     * @param maxBodyBytes larger bodies get {@code tooLarge} instead of reaching {@code app}
     */
    public JettyListener(String host, int port, long maxBodyBytes,
                         Function<WireRequest, WireResponse> app,
                         Function<WireRequest, WireResponse> tooLarge) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("quire-http");
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // SigV4 signs the path as sent, and qbusiness path labels may carry %2F: Jetty must not
        // reject or normalise such paths. Quire never maps a path to a file, so this is safe.
        config.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new Adapter(app, tooLarge, maxBodyBytes));
        server.setHandler(graceful);
        server.setStopTimeout(15_000);
    }

    /** Binds and starts; a taken port becomes a message that says what to do. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause != null || e instanceof IOException && String.valueOf(e.getMessage()).contains("bind")) {
                throw new IllegalStateException("Port " + connector.getPort() + " on " + connector.getHost()
                        + " is already in use. Stop the other process or choose another port with --port.", e);
            }
            throw new IllegalStateException("Could not start the HTTP listener: " + e.getMessage(), e);
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets in-flight requests finish (up to the stop timeout). */
    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping is best effort; the process is going away
        }
    }

    private static final class Adapter extends Handler.Abstract {
        private final Function<WireRequest, WireResponse> app;
        private final Function<WireRequest, WireResponse> tooLarge;
        private final long maxBodyBytes;

        Adapter(Function<WireRequest, WireResponse> app, Function<WireRequest, WireResponse> tooLarge, long maxBodyBytes) {
            this.app = app;
            this.tooLarge = tooLarge;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            HttpURI uri = request.getHttpURI();
            Headers headers = new Headers();
            for (HttpField field : request.getHeaders()) {
                headers.add(field.getName(), field.getValue());
            }
            String authority = headers.first("host");
            if (authority == null) {
                authority = uri.getAuthority();
            }
            byte[] body = readBody(request);
            WireRequest wire = new WireRequest(request.getMethod(), uri.getPath() == null ? "/" : uri.getPath(),
                    uri.getQuery(), authority, headers, body == null ? new byte[0] : body,
                    Request.getRemoteAddr(request));
            WireResponse out = body == null ? tooLarge.apply(wire) : app.apply(wire);
            response.setStatus(out.status());
            for (String name : out.headers().names()) {
                for (String value : out.headers().all(name)) {
                    response.getHeaders().add(name, value);
                }
            }
            if (out.streaming()) {
                stream(out.stream(), response, callback);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.body().length);
            response.write(true, ByteBuffer.wrap(out.body()), callback);
            return true;
        }

        /**
         * Sends the headers at once (no length: chunked on HTTP/1.1, DATA frames on HTTP/2), then each
         * piece as the body writes and flushes it. A failure after the headers went out can no longer
         * change the status, so the body's own ending (an SSE error event) is written and the response
         * completed normally: the client sees an end, never a connection left hanging.
         */
        private static void stream(StreamingBody body, Response response, Callback callback) {
            OutputStream out = Content.Sink.asOutputStream(response);
            try {
                out.flush(); // the status and headers go out now, before the body's first piece
                try {
                    body.writeTo(out);
                } catch (RuntimeException failure) {
                    LOG.log(Level.SEVERE, "a streamed response failed after its headers were sent", failure);
                    out.write(body.failureEnding(failure));
                }
                out.close();
                callback.succeeded();
            } catch (IOException clientGone) {
                // the client closed the connection: nothing more can reach it
                callback.failed(clientGone);
            }
        }

        /** The whole body, or null when it exceeds the limit. */
        private byte[] readBody(Request request) throws IOException {
            long declared = request.getLength();
            if (declared > maxBodyBytes) {
                return null;
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                return bytes.length > maxBodyBytes ? null : bytes;
            }
        }
    }
}
