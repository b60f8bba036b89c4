package org.orbifold.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A web server on the loopback address for the tests of {@link TuDatasetFetcher}: it serves
 * zip files built in the test, counts the requests, and can misbehave on purpose (a body cut
 * short, a wrong length, a redirect or a loop of them, an HTML label, a pause). No test
 * contacts any other host.
 */
public final class TuMockServer implements AutoCloseable {

    /** How the server answers a path. */
    public enum Behaviour {
        /** The bytes with their length. */
        NORMAL,
        /** Half the bytes with the full length, then the connection is closed. */
        CUT_SHORT,
        /** A redirect (302) to the same path under {@code /moved/}. */
        REDIRECT,
        /** Half the bytes with the full length, then a pause until the server closes. */
        PAUSE,
        /** A redirect (302) to the same path, again and again. */
        REDIRECT_LOOP,
        /** The bytes with their length and the header {@code Content-Type: text/html}. */
        HTML,
        /** A redirect status (302) without a {@code Location} header. */
        REDIRECT_WITHOUT_LOCATION,
        /** A redirect (302) to {@code /moved/NOPE.zip}, which answers 404. */
        REDIRECT_TO_MISSING,
        /** A redirect (302) to the port 99999 of 127.0.0.1, which no socket can have. */
        REDIRECT_TO_BAD_PORT
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** Counts down when a paused answer has sent its first half. */
    public final CountDownLatch paused = new CountDownLatch(1);

    /** Starts a server on a free port of 127.0.0.1. */
    public TuMockServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tu-mock-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT/tu/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tu/");
    }

    /** Serves bytes as {@code /tu/NAME.zip}. */
    public void serve(String name, byte[] zip) {
        serve(name, zip, Behaviour.NORMAL);
    }

    /** Serves bytes as {@code /tu/NAME.zip} with a behaviour. */
    public void serve(String name, byte[] zip, Behaviour behaviour) {
        files.put("/tu/" + name + ".zip", zip);
        behaviours.put("/tu/" + name + ".zip", behaviour);
    }

    /** Returns the number of requests so far. */
    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String original = path.startsWith("/moved/") ? "/tu/"
                + path.substring("/moved/".length()) : path;
        byte[] body = files.get(original);
        Behaviour behaviour = behaviours.getOrDefault(original, Behaviour.NORMAL);
        try (exchange) {
            if (body == null) {
                byte[] text = "not found".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(404, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            if (behaviour == Behaviour.REDIRECT && !path.startsWith("/moved/")) {
                exchange.getResponseHeaders().add("Location",
                        "/moved/" + path.substring("/tu/".length()));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (behaviour == Behaviour.REDIRECT_WITHOUT_LOCATION) {
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (behaviour == Behaviour.REDIRECT_TO_MISSING) {
                exchange.getResponseHeaders().add("Location", "/moved/NOPE.zip");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (behaviour == Behaviour.REDIRECT_TO_BAD_PORT) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:99999/x.zip");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (behaviour == Behaviour.REDIRECT_LOOP) {
                exchange.getResponseHeaders().add("Location", path);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (behaviour == Behaviour.HTML) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (behaviour == Behaviour.CUT_SHORT || behaviour == Behaviour.PAUSE) {
                out.write(body, 0, body.length / 2);
                out.flush();
                if (behaviour == Behaviour.PAUSE) {
                    paused.countDown();
                    closing.await();
                }
                // Closing before the announced length makes the server drop the connection.
                return;
            }
            out.write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a raw server on 127.0.0.1 that answers one request with status 200, the given
     * Content-Length and the given bytes, then closes the connection.
     *
     * @return the base URL of that server ({@code http://127.0.0.1:PORT/tu/})
     */
    public static URI rawOnce(long contentLength, byte[] body) throws IOException {
        return rawOnce(("HTTP/1.1 200 OK\r\nContent-Length: " + contentLength
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * Starts a raw server on 127.0.0.1 that answers one request with status 200, no
     * Content-Length and {@code Connection: close}, sends the given bytes and closes the
     * connection: an HTTP/1.1 body whose end is the end of the connection, so that a cut
     * looks like a complete body.
     *
     * @return the base URL of that server ({@code http://127.0.0.1:PORT/tu/})
     */
    public static URI rawOnceWithoutLength(byte[] body) throws IOException {
        return rawOnce("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * Starts a raw server on 127.0.0.1 that answers one request with status 200 and a
     * chunked body of which it sends the first half of the bytes as one chunk, then closes
     * the connection without the last chunk.
     *
     * @return the base URL of that server ({@code http://127.0.0.1:PORT/tu/})
     */
    public static URI rawChunkedCut(byte[] body) throws IOException {
        int half = body.length / 2;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunk.write(body, 0, half);
        chunk.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return rawOnce(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                chunk.toByteArray());
    }

    /** Answers one request with the head and the body as they are, then closes. */
    private static URI rawOnce(byte[] head, byte[] body) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (socket; Socket client = socket.accept()) {
                byte[] request = new byte[8192];
                int n = client.getInputStream().read(request);
                if (n <= 0) {
                    return;
                }
                OutputStream out = client.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The client gave up first; the test checks what it saw.
                return;
            }
        }, "tu-raw-server");
        thread.setDaemon(true);
        thread.start();
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tu/");
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    /** Returns a zip of the regular files of a folder, under {@code prefix} (such as "MUTAG/"). */
    public static byte[] zipFolder(Path folder, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> list = Files.list(folder)) {
            if (!prefix.isEmpty()) {
                zip.putNextEntry(new ZipEntry(prefix));
                zip.closeEntry();
            }
            for (Path file : (Iterable<Path>) list.sorted()::iterator) {
                if (Files.isRegularFile(file)) {
                    zip.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Returns a zip of the given entries (name and text, in order). */
    public static byte[] zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the files of a tiny TU data set NAME of two graphs (a triangle and an edge),
     * with class labels, as zip entries under {@code prefix}.
     */
    public static List<Map.Entry<String, byte[]>> tinyDataset(String prefix, String name) {
        return List.of(
                Map.entry(prefix + name + "_A.txt", text("1, 2\n2, 1\n2, 3\n3, 2\n1, 3\n3, 1\n"
                        + "4, 5\n5, 4\n")),
                Map.entry(prefix + name + "_graph_indicator.txt", text("1\n1\n1\n2\n2\n")),
                Map.entry(prefix + name + "_graph_labels.txt", text("1\n-1\n")));
    }

    /** Returns the UTF-8 bytes of a text. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
