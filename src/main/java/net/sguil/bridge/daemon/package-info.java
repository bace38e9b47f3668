/**
 * {@code sguil-bridge run}: {@link net.sguil.bridge.daemon.BridgeDaemon} puts the parts together,
 * {@link net.sguil.bridge.daemon.EngineLoop} follows Sguil's tables into the rules on one thread,
 * {@link net.sguil.bridge.daemon.ActionRunner} carries out the rules' pcap requests from a durable
 * journal, {@link net.sguil.bridge.daemon.StatusFile} holds what it all amounts to. Imports the
 * readers ({@code sguil}), {@code rules}, the analysis, {@code delivery}, {@code state} and {@code config};
 * only {@code cli} imports it.
 */
package net.sguil.bridge.daemon;
