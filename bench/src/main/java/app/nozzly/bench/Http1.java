package app.nozzly.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load driver's HTTP/1.1 client: blocking, nothing between the caller and the socket. Each exchange takes an idle
 * kept-alive connection to its server (the most recently used first) or opens one, so a load of N threads keeps at
 * most N connections across all its phases. The JDK's HttpClient hands every exchange to its selector thread and
 * back, which cost the bench process half a core at 1 000 requests a second on a 2-core machine shared with the stack
 * under test. A connection the server closed while idle is opened again and the request sent once more, as browsers
 * do; any other failure is the caller's.
 */
final class Http1 {

    record Response(int status, byte[] body) {
    }

    private static final int MAX_LINE = 16 * 1024;

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();

    Http1(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
    }

    Response exchange(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// is spoken here: " + uri);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String authority = uri.getHost() + ":" + port;
        byte[] head = head(method, uri, authority, headers, body);
        Deque<Connection> open = idle.computeIfAbsent(authority, a -> new ConcurrentLinkedDeque<>());
        Connection reused = open.pollFirst();
        if (reused != null) {
            try {
                return finish(open, reused, reused.exchange(head, body));
            } catch (ClosedWhileIdle e) {
                reused.close();
            } catch (IOException | RuntimeException e) {
                reused.close();
                throw e;
            }
        }
        Connection fresh = new Connection(uri.getHost(), port, connectTimeoutMillis, readTimeoutMillis);
        try {
            return finish(open, fresh, fresh.exchange(head, body));
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private static Response finish(Deque<Connection> open, Connection connection, Exchanged exchanged) {
        if (exchanged.keepAlive()) {
            open.offerFirst(connection);
        } else {
            connection.close();
        }
        return exchanged.response();
    }

    private static byte[] head(String method, URI uri, String authority, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Exchanged(Response response, boolean keepAlive) {
    }

    /** The server closed the connection before it read the request: a kept-alive one it had dropped while idle. */
    private static final class ClosedWhileIdle extends IOException {
        ClosedWhileIdle() {
            super("the server closed the connection before answering");
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(String host, int port, int connectTimeoutMillis, int readTimeoutMillis) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(readTimeoutMillis);
                socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        Exchanged exchange(byte[] head, byte[] body) throws IOException {
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                throw new ClosedWhileIdle();
            }
            String statusLine = line(true);
            int status;
            Map<String, String> headers;
            do {
                status = status(statusLine);
                headers = headers();
                if (status >= 200 || status == 101) {
                    break;
                }
                statusLine = line(false);
            } while (true);
            boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"))
                    && !statusLine.startsWith("HTTP/1.0");
            byte[] content;
            String length = headers.get("content-length");
            if (status == 204 || status == 304) {
                content = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                content = chunked();
            } else if (length != null) {
                content = in.readNBytes(Integer.parseInt(length.trim()));
                if (content.length < Integer.parseInt(length.trim())) {
                    throw new EOFException("body ended after " + content.length + " of " + length + " bytes");
                }
            } else {
                content = in.readAllBytes();
                keepAlive = false;
            }
            return new Exchanged(new Response(status, content), keepAlive);
        }

        private static int status(String line) throws IOException {
            if (!line.startsWith("HTTP/1.") || line.length() < 12) {
                throw new IOException("not an HTTP/1.x status line: " + line);
            }
            return Integer.parseInt(line.substring(9, 12));
        }

        private Map<String, String> headers() throws IOException {
            Map<String, String> headers = new HashMap<>();
            for (String line = line(false); !line.isEmpty(); line = line(false)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return headers;
        }

        private byte[] chunked() throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                String size = line(false);
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    headers();
                    return content.toByteArray();
                }
                byte[] chunk = in.readNBytes(length);
                if (chunk.length < length) {
                    throw new EOFException("chunk ended after " + chunk.length + " of " + length + " bytes");
                }
                content.write(chunk);
                line(false);
            }
        }

        /**
         * One CRLF-terminated line. A response's first line that ends or is reset before its first byte means the
         * server closed the connection before it read the request.
         */
        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = read(first && line.length() == 0)) != '\n') {
                if (b == -1) {
                    if (first && line.length() == 0) {
                        throw new ClosedWhileIdle();
                    }
                    throw new EOFException("connection closed inside a response");
                }
                if (b != '\r') {
                    if (line.length() == MAX_LINE) {
                        throw new IOException("header line longer than " + MAX_LINE + " bytes");
                    }
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private int read(boolean beforeAnswer) throws IOException {
            try {
                return in.read();
            } catch (SocketException e) {
                if (beforeAnswer) {
                    throw new ClosedWhileIdle();
                }
                throw e;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
