package net.sguil.bridge.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic HTTP sessions for benchmarks: downloads of 512 bytes to 1 MB (some chunked), some
 * keep-alive with several requests, form POSTs, and PUT defacement attempts (a GET, then the PUT of a
 * page), accepted (201) or refused (405).
 */
final class WebCorpus {
    private static final String UPLOAD = "<html><body><h1>hacked by spykids</h1>" + "spykids".repeat(300) + "</body></html>";

    private WebCorpus() {
    }

    /** What one session will send, about how many bytes, and the exchanges it holds. */
    record Session(List<TcpFlow.Turn> turns, long estimatedBytes, int transactions) {
    }

    /** A GET, then the PUT of a defacement page: accepted (201) or refused (405, possibly chunked). */
    static Session put(boolean accepted, boolean chunkedAnswer) {
        List<TcpFlow.Turn> t = new ArrayList<>();
        client(t, "GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
        server(t, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        client(t, "PUT /index.html HTTP/1.0\r\nAccept-Language: en-us;q=0.5\r\nTranslate: f\r\n"
                + "Content-Length: " + UPLOAD.length() + "\r\nUser-Agent: Microsoft Data Access Internet "
                + "Publishing Provider DAV 1.1\r\nHost: www.example.com\r\n\r\n" + UPLOAD);
        if (accepted) {
            server(t, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        } else if (chunkedAnswer) {
            server(t, "HTTP/1.1 405 Method Not Allowed\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nno PUTs.\n\r\n0\r\n\r\n");
        } else {
            server(t, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        }
        return new Session(t, 3000 + UPLOAD.length(), 2);
    }

    /** One download, or (40 %) a keep-alive session of three requests. */
    static Session browse(SplittableRandom r) {
        List<TcpFlow.Turn> t = new ArrayList<>();
        long bytes = exchange(t, r);
        int transactions = 1;
        if (r.nextInt(100) < 40) {
            if (r.nextBoolean()) {
                String form = "q=" + "x".repeat(r.nextInt(4000));
                client(t, "POST /search HTTP/1.1\r\nHost: www.example.com\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                        + "\r\n\r\n" + form);
                server(t, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                bytes += form.length();
            } else {
                bytes += exchange(t, r);
            }
            bytes += exchange(t, r);
            transactions = 3;
        }
        return new Session(t, bytes + 500L * transactions, transactions);
    }

    private static long exchange(List<TcpFlow.Turn> t, SplittableRandom r) {
        double x = r.nextDouble();
        int size = 512 + (int) (x * x * x * x * 1_000_000);
        byte fill = (byte) ('a' + r.nextInt(26));
        client(t, "GET /files/" + size + ".bin HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: bench/1.0\r\n"
                + "Accept: */*\r\n\r\n");
        if (r.nextInt(4) == 0) {
            List<InputStream> body = new ArrayList<>();
            body.add(Payloads.bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (int off = 0; off < size; off += 16384) {
                int n = Math.min(16384, size - off);
                body.add(Payloads.bytes(Integer.toHexString(n) + "\r\n"));
                body.add(Payloads.repeat(fill, n));
                body.add(Payloads.bytes("\r\n"));
            }
            body.add(Payloads.bytes("0\r\n\r\n"));
            t.add(new TcpFlow.Turn(false, Payloads.concat(body.toArray(InputStream[]::new))));
        } else {
            t.add(new TcpFlow.Turn(false, Payloads.concat(Payloads.bytes("HTTP/1.1 200 OK\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + size + "\r\n\r\n"),
                    Payloads.repeat(fill, size))));
        }
        return size;
    }

    private static void client(List<TcpFlow.Turn> turns, String text) {
        turns.add(new TcpFlow.Turn(true, Payloads.bytes(text)));
    }

    private static void server(List<TcpFlow.Turn> turns, String text) {
        turns.add(new TcpFlow.Turn(false, Payloads.bytes(text)));
    }
}
