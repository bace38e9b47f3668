/**
 * The HTTP/1.x analyzer: follows one connection's requests and responses and reports each exchange
 * to an {@link net.sguil.bridge.http.HttpListener}. Imports only {@code tcp}, {@code pcap}, {@code bytes}
 * and {@code weird}.
 */
package net.sguil.bridge.http;
