/**
 * Protocol detection: names the protocol a stream speaks from its first bytes, whatever the port
 * ({@link net.sguil.bridge.detect.ProtocolDetector}), and hands the stream, replayed from its first
 * byte, to that protocol's analyzer ({@link net.sguil.bridge.detect.DetectingStreamHandler}); follows
 * SOCKS 4/4a/5 handshakes and detects what the tunnel carries as a fresh stream, marked with its
 * {@link net.sguil.bridge.detect.Tunnel}. Imports only {@code tcp}, {@code pcap}, {@code bytes} and
 * {@code weird}.
 */
package net.sguil.bridge.detect;
