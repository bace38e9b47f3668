/**
 * Sguil's database: its schema, per-sensor day tables and MERGE tables, the incremental readers of
 * {@code event} and {@code sancp}, and the direct writer of events. May import {@code facts},
 * {@code config} and {@code weird}.
 */
package net.sguil.bridge.sguil;
