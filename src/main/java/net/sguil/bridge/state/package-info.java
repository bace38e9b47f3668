/**
 * The bridge's own files that must survive a {@code kill -9} or a power cut: {@link
 * net.sguil.bridge.state.AtomicFile} replaces a small file whole (reader positions, the status
 * file), {@link net.sguil.bridge.state.Journal} is an append-only log of checksummed records (the
 * outbox, the pcap action queue). Imports nothing of the bridge.
 */
package net.sguil.bridge.state;
