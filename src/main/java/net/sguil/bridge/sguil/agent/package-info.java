/**
 * sguild's agent protocol on the wire (SGUIL.md section 3): the TLS connection and registration
 * ({@link net.sguil.bridge.sguil.agent.SguildClient}), Tcl list framing, the encoding of the 18
 * GenericEvent fields and sguild's replies. Knows nothing of outboxes or retries. May import
 * {@code facts} and {@code weird}.
 */
package net.sguil.bridge.sguil.agent;
