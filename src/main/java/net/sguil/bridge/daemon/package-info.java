/**
 * {@code sguil-bridge run}: composes the readers of Sguil's database, the rule engine, the pcap
 * actions and delivery into one process; schedules them and reports its health. May import any package
 * but {@code cli}.
 */
package net.sguil.bridge.daemon;
