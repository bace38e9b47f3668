/**
 * Untrusted text made printable: {@link net.sguil.bridge.text.Printable} is the one escaping scheme
 * of the bridge (event details in the Sguil console, the {@code scan} table, log lines through
 * {@link net.sguil.bridge.text.EscapedMessageConverter}). A leaf: it imports nothing of the project
 * (only Logback, for the converter), so every layer may use it.
 */
package net.sguil.bridge.text;
