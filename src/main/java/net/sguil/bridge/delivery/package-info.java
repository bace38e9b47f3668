/**
 * Getting every conclusion into Sguil exactly once: the durable {@link net.sguil.bridge.delivery.Outbox},
 * the one {@link net.sguil.bridge.delivery.EventValidator} that makes an event storable (repairing
 * visibly, or refusing), and the two transports over it, {@link net.sguil.bridge.delivery.AgentDelivery}
 * (sguild's agent port) and {@link net.sguil.bridge.delivery.DbDelivery} (straight into the database).
 * Imports {@code facts}, {@code sguil} (the database and {@code StorableEvent}), {@code sguil.agent}
 * (the wire protocol), {@code state} and {@code weird}; nothing imports it but the daemon.
 */
package net.sguil.bridge.delivery;
