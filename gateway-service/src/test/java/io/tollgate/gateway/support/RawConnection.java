package io.tollgate.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One HTTP/1.1 connection over a plain socket, for what HTTP clients hide: partial requests, keep-alive, closes. */
public final class RawConnection implements AutoCloseable {

    /** A response as read off the wire: the status line and headers as text (names lower-cased), the body. */
    public record Response(int status, String head, String body) {

        public boolean closes() {
            return head.contains("\nconnection: close");
        }
    }

    private final Socket socket;
    private final InputStream in;

    public RawConnection(String baseUrl) {
        try {
            var uri = URI.create(baseUrl);
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    public static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    public static String chat(String key, String model) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Reads one response with a Content-Length body. */
    public Response read() throws IOException {
        String text = readHead();
        int status = Integer.parseInt(text.substring(9, 12));
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Response(status, text, new String(body, StandardCharsets.UTF_8));
    }

    /** Reads one response with a chunked body: its chunks as framed, in order, without the last (empty) one. */
    public List<String> readChunks() throws IOException {
        readChunkedHead();
        List<String> chunks = new ArrayList<>();
        String chunk;
        while ((chunk = readChunk()) != null) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** Reads the head of a response with a chunked body, which {@link #readChunk()} then reads chunk by chunk. */
    public void readChunkedHead() throws IOException {
        String head = readHead();
        if (!head.contains("\ntransfer-encoding: chunked")) {
            throw new IOException("not chunked: " + head);
        }
    }

    /** The next chunk of a chunked body as it was framed; null for the last (empty) one. */
    public @Nullable String readChunk() throws IOException {
        int size = Integer.parseInt(readLine(), 16);
        byte[] chunk = in.readNBytes(size);
        if (!readLine().isEmpty()) {
            throw new IOException("a chunk longer than its size");
        }
        return size == 0 ? null : new String(chunk, StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed within a line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private String readHead() throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a whole response");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** Whether the server closes the connection within {@code timeout} (anything it sends first is skipped). */
    public boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
