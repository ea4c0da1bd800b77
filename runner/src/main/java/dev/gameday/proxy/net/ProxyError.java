package dev.gameday.proxy.net;

/** A failed proxy operation with the HTTP status and message Toxiproxy gives for it. */
public final class ProxyError extends RuntimeException {
    private final int status;

    public ProxyError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProxyError badRequest(String detail) {
        return new ProxyError(400, "bad request body: " + detail);
    }
}
