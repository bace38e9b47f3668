/**
 * Getting each conclusion into Sguil exactly once: the durable outbox, the delivery loops of both
 * transports (sguild's agent port, or Sguil's tables directly) and the one validator that makes an
 * event storable, repairing visibly what Sguil cannot store. May import {@code facts}, {@code sguil},
 * {@code sguil.agent}, {@code state}, {@code weird}.
 */
package net.sguil.bridge.delivery;
