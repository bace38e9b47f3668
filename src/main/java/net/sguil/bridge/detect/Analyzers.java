package net.sguil.bridge.detect;

import net.sguil.bridge.tcp.StreamHandler;

/** Who analyses a stream once its protocol is known. */
@FunctionalInterface
public interface Analyzers {
    /**
     * @param tunnel null for the connection's own streams; else the tunnel whose payload the stream is
     * @return the analyzer for the stream, or null to leave it unanalysed
     */
    StreamHandler open(Protocol protocol, Tunnel tunnel);
}
