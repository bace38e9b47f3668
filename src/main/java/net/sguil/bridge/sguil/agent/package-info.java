/**
 * The bridge as a sguild agent (SGUIL.md section 3): {@link net.sguil.bridge.sguil.agent.AgentDelivery}
 * takes {@code SguilEventOut} conclusions, keeps them in a crash-safe {@link net.sguil.bridge.sguil.agent.Outbox}
 * and delivers each exactly once over {@link net.sguil.bridge.sguil.agent.SguildClient} (banner, VersionInfo,
 * TLS, RegisterAgent, stop-and-wait GenericEvent). {@link net.sguil.bridge.sguil.agent.SguildEventEncoder}
 * validates and encodes the 18 fields and {@link net.sguil.bridge.sguil.agent.TclList} frames them.
 */
package net.sguil.bridge.sguil.agent;
