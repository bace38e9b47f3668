package net.sguil.bridge.tcp;

/** Which half of a connection bytes travel in. The client is the side that opened the connection. */
public enum Direction {
    CLIENT_TO_SERVER, SERVER_TO_CLIENT;

    public Direction reverse() {
        return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    }
}
