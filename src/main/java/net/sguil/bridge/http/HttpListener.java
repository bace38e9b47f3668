package net.sguil.bridge.http;

/**
 * Receives the exchanges an {@link HttpSessionParser} finds, on the thread feeding the parser, in
 * request order per connection, each as soon as its request is complete and its final response has
 * begun (or, without a response, when the connection ends).
 */
@FunctionalInterface
public interface HttpListener {
    void exchange(HttpExchange exchange);
}
