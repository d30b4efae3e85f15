package io.tollgate.gateway.provider.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * An HTTP/1.1 server on plain sockets whose answers are scripted byte for byte, per request path, so the client's
 * handling of connections shows: which connection each request came on, and when a connection was closed.
 */
final class ScriptedServer implements AutoCloseable {

    /** A request as received: the connection it came on (counted from 1), its head (names lower-cased) and body. */
    record Received(int connection, String head, String body) {

        String path() {
            return head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
        }
    }

    /** Writes the answer to a request; false closes the connection after it. */
    @FunctionalInterface
    interface Script {
        boolean answer(Received request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    ScriptedServer(Script script) {
        this(ServerSocketFactory.getDefault(), script);
    }

    ScriptedServer(ServerSocketFactory sockets, Script script) {
        this.script = script;
        try {
            server = sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int id = connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket, id));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = contentLength(head);
                byte[] body = in.readNBytes(length);
                var request = new Received(id, head, new String(body, StandardCharsets.UTF_8));
                received.add(request);
                boolean keepOpen = script.answer(request, out);
                out.flush();
                if (!keepOpen) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: what some tests are about
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        String text = "";
        while (!text.endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (b == '\n') {
                text = head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        String[] lines = text.split("\r\n");
        var lowered = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            lowered.append('\n').append(lines[i].substring(0, colon).toLowerCase(Locale.ROOT)).append(lines[i].substring(colon));
        }
        return lowered.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\n")) {
            if (line.startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A whole answer with a content-length. */
    static String answer(int status, String body, String... headers) {
        var text = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Error").append("\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return text.append("content-type: application/json\r\ncontent-length: ").append(length).append("\r\n\r\n")
                .append(body).toString();
    }

    /** A chunk of a chunked answer. */
    static String chunk(String piece) {
        int length = piece.getBytes(StandardCharsets.UTF_8).length;
        return Integer.toHexString(length) + "\r\n" + piece + "\r\n";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
