/**
 * {@code sguil-bridge run}: composes the readers of Sguil's database, the rule engine, the pcap
 * actions (kept in a durable journal) and delivery into one process; schedules them on one engine
 * thread and reports its health ({@code status.json}). May import any package but {@code cli}.
 */
package net.sguil.bridge.daemon;
