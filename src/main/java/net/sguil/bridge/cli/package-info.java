/**
 * The command line ({@code picocli}): one class per command, each a thin composition of the
 * packages below; output formats; exit codes. May import anything; nothing imports it.
 */
package net.sguil.bridge.cli;
