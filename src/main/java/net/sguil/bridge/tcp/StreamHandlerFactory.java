package net.sguil.bridge.tcp;

/** Decides, for each new connection, who consumes its streams. */
@FunctionalInterface
public interface StreamHandlerFactory {
    /** @return the handler for this connection, or {@code null} to ignore its payload. */
    StreamHandler open(TcpConnection connection);
}
