package net.sguil.bridge.analysis;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.tcp.StreamHandlerFactory;
import net.sguil.bridge.tcp.TcpConnection;
import net.sguil.bridge.weird.Weirds;

/** Gives every new connection a detector that hands it to the analyzer of the protocol it speaks. */
final class ProtocolDispatcher implements StreamHandlerFactory {
    private final Map<Protocol, Function<TcpConnection, StreamHandler>> analyzers = new EnumMap<>(Protocol.class);
    private final Weirds weirds;

    ProtocolDispatcher(Weirds weirds) {
        this.weirds = weirds;
    }

    ProtocolDispatcher with(Protocol p, Function<TcpConnection, StreamHandler> analyzer) {
        analyzers.put(p, analyzer);
        return this;
    }

    @Override
    public StreamHandler open(TcpConnection connection) {
        return new DetectingStreamHandler(p -> {
            Function<TcpConnection, StreamHandler> f = analyzers.get(p);
            return f == null ? null : f.apply(connection);
        }, weirds);
    }
}
