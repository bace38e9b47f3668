/**
 * sguild's agent protocol on the wire (SGUIL.md section 3): {@link net.sguil.bridge.sguil.agent.SguildClient}
 * is one connection (banner, VersionInfo, TLS, RegisterAgent, PING, stop-and-wait GenericEvent),
 * {@link net.sguil.bridge.sguil.agent.SguildEventEncoder} writes a {@code StorableEvent} as the 18 fields,
 * {@link net.sguil.bridge.sguil.agent.TclList} frames them and {@link net.sguil.bridge.sguil.agent.EventReply}
 * sorts sguild's answers. Imports only {@code sguil} (for {@code StorableEvent}, {@code Ipv4}); the
 * outbox and the delivery policy are {@code delivery}'s.
 */
package net.sguil.bridge.sguil.agent;
