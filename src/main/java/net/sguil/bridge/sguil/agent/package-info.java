/**
 * sguild's agent protocol on the wire (SGUIL.md section 3): the TLS connection and registration
 * ({@link net.sguil.bridge.sguil.agent.SguildClient}), Tcl list framing, the encoding of a {@code
 * StorableEvent} as the 18 GenericEvent fields and the sorting of sguild's replies. Knows nothing of
 * outboxes or retries. May import {@code sguil} (for {@code StorableEvent} and {@code Ipv4}).
 */
package net.sguil.bridge.sguil.agent;
