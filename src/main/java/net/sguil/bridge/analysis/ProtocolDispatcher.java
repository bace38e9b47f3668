package net.sguil.bridge.analysis;

import net.sguil.bridge.detect.Analyzers;
import net.sguil.bridge.detect.DetectingStreamHandler;
import net.sguil.bridge.detect.Protocol;
import net.sguil.bridge.detect.Tunnel;
import net.sguil.bridge.http.HttpExchange;
import net.sguil.bridge.http.HttpFlow;
import net.sguil.bridge.http.HttpListener;
import net.sguil.bridge.http.HttpSessionParser;
import net.sguil.bridge.smtp.SmtpSessionParser;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.tcp.StreamHandlerFactory;
import net.sguil.bridge.tcp.TcpConnection;

/**
 * Gives every connection that carries payload a detector that hands each stream it finds — the
 * connection's own, or one carried in a proxy tunnel — to the analyzer of the protocol it speaks:
 * SMTP always, HTTP when asked for, and an HTTP CONNECT always, so that what its tunnel carries is found.
 */
final class ProtocolDispatcher implements StreamHandlerFactory {
    private final CaptureContext capture;
    private final ExtractionPipeline pipeline;
    private final boolean http;

    /** @param http report HTTP exchanges (else HTTP is followed only into CONNECT tunnels) */
    ProtocolDispatcher(CaptureContext capture, ExtractionPipeline pipeline, boolean http) {
        this.capture = capture;
        this.pipeline = pipeline;
        this.http = http;
    }

    @Override
    public StreamHandler open(TcpConnection connection) {
        return new DetectingStreamHandler(analyzers(connection), null, capture.weirds());
    }

    private Analyzers analyzers(TcpConnection c) {
        return (protocol, tunnel) -> switch (protocol) {
            case SMTP -> new SmtpSessionParser(pipeline.config().limits().smtp(),
                    new SmtpSessionRecorder(new ConnectionSource(c, capture, tunnel), pipeline, capture.weirds()),
                    capture.weirds());
            case HTTP -> http ? http(c, tunnel) : null;
            case HTTP_CONNECT -> http(c, tunnel);
        };
    }

    private StreamHandler http(TcpConnection c, Tunnel tunnel) {
        ConnectionSource source = new ConnectionSource(c, capture, tunnel);
        return new HttpSessionParser(pipeline.config().limits().http(), HttpFlow.of(c), new HttpListener() {
            @Override
            public void exchange(HttpExchange e) {
                if (http) {
                    pipeline.reportHttp(HttpFacts.of(e, source));
                }
            }

            @Override
            public StreamHandler tunnel(HttpExchange connect) {
                Tunnel t = Tunnel.httpConnect(connect.uri());
                return t == null ? null : new DetectingStreamHandler(analyzers(c), t, capture.weirds());
            }
        }, capture.weirds());
    }
}
