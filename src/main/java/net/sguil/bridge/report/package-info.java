/**
 * The on-demand reports over Sguil's database (top ports in and out of the home network, signature
 * trends) and their output formats. Imports only {@code sguil}.
 */
package net.sguil.bridge.report;
