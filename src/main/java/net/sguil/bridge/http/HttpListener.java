package net.sguil.bridge.http;

import net.sguil.bridge.facts.HttpTransaction;

/**
 * Receives the transactions an {@link HttpSessionParser} finds, on the thread feeding the parser,
 * in request order per connection, each as soon as its request is complete and its final response
 * has begun (or, without a response, when the connection ends).
 */
@FunctionalInterface
public interface HttpListener {
    void transaction(HttpTransaction transaction);
}
