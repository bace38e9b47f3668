package net.sguil.bridge.http;

/**
 * Receives the exchanges an {@link HttpSessionParser} finds, on the thread feeding the parser, in
 * request order per connection, each as soon as its request is complete and its final response has
 * begun (or, without a response, when the connection ends).
 */
@FunctionalInterface
public interface HttpListener {
    void exchange(HttpExchange exchange);

    /**
     * A CONNECT request was answered 2xx: the rest of the connection is the tunnel's payload. Called
     * once; when it returns a handler, every later byte of the connection (the client's after the
     * CONNECT request head, the server's after the 2xx response head), every gap and the close go to
     * it, as a fresh stream from offset 0 in each direction.
     *
     * @param connect the CONNECT exchange; its {@link HttpExchange#uri()} names the target
     * @return the tunnel payload's handler, or null to leave the tunnel unanalysed
     */
    default net.sguil.bridge.tcp.StreamHandler tunnel(HttpExchange connect) {
        return null;
    }
}
