/**
 * TCP reassembly: per-connection byte streams with explicit gaps, within
 * {@link net.sguil.bridge.tcp.TcpLimits}, delivered to a {@link net.sguil.bridge.tcp.StreamHandler}; the
 * one connection identity ({@link net.sguil.bridge.tcp.ConnectionId}) every layer above carries.
 * Imports only {@code pcap} and {@code weird}.
 */
package net.sguil.bridge.tcp;
