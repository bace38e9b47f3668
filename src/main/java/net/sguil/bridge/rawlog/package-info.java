/**
 * Where a sensor's full-content pcaps are ({@code RAW_LOG_DIR/YYYY-MM-DD/prefix.epoch}) and which
 * files and packets hold one session, found the way sguild's pcap agent finds them. Imports only {@code pcap}.
 */
package net.sguil.bridge.rawlog;
