/**
 * The packet layer: capture files in, TCP segments out.
 *
 * <pre>{@code
 * PacketDecoder decoder = new PacketDecoder(PcapLimits.defaults(), weirds, segment -> ...);
 * try (PacketSource source = CaptureFiles.open(file)) {
 *     RawPacket p = new RawPacket();
 *     while (source.next(p)) {
 *         decoder.decode(p);
 *     }
 *     if (source.truncation() != null) { ... report: everything before it was decoded ... }
 * }
 * }</pre>
 * {@link net.sguil.bridge.pcap.CaptureFiles} chooses the reader by magic number (pcap, pcapng, gzip of
 * either); {@link net.sguil.bridge.pcap.PacketDecoder} handles link layers, IPv4/IPv6 and fragment
 * reassembly. Both reuse their buffers: a {@link net.sguil.bridge.pcap.RawPacket} and a
 * {@link net.sguil.bridge.pcap.TcpSegment} are valid only until the next call. Imports only {@code weird}.
 */
package net.sguil.bridge.pcap;
