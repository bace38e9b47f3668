/**
 * The SMTP analyzer: follows one session's commands in step with the replies and reports each
 * message's bytes and envelope to an {@link net.sguil.bridge.smtp.SmtpListener}. Imports only
 * {@code tcp}, {@code pcap}, {@code bytes} and {@code weird}.
 */
package net.sguil.bridge.smtp;
