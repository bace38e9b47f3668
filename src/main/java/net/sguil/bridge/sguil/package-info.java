/**
 * Sguil's database: its schema, per-sensor day tables and MERGE tables, the incremental readers of
 * {@code event} and {@code sancp} (whose positions are {@code state} files), {@code StorableEvent}
 * (an event as Sguil stores it) and the direct writer of events. May import {@code facts},
 * {@code config}, {@code state} and {@code weird}.
 */
package net.sguil.bridge.sguil;
