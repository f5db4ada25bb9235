package app.nozzly.sim.bambu;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A minimal implicit-FTPS client that does what a client of a real Bambu printer must: its data connections resume
 * the control connection's TLS session (layered on the plain data socket with the control host and port as the
 * session-cache key).
 */
final class ReusingFtpsClient implements AutoCloseable {

    private static final Pattern PASV = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

    private final String host;
    private final int port;
    private final SSLContext context;
    private final SSLSocket control;
    private final BufferedReader in;
    private final Writer out;

    ReusingFtpsClient(String host, int port, TrustManager trust) throws Exception {
        this.host = host;
        this.port = port;
        this.context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        this.control = (SSLSocket) context.getSocketFactory().createSocket(host, port);
        control.setSoTimeout(15_000);
        control.startHandshake();
        this.in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.UTF_8);
        expect(reply(), "220");
    }

    /** Sends a command and returns the complete (possibly multi-line) reply. */
    String command(String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        return reply();
    }

    void login(String user, String password) throws IOException {
        expect(command("USER " + user), "331");
        expect(command("PASS " + password), "230");
        expect(command("PBSZ 0"), "200");
        expect(command("PROT P"), "200");
    }

    /** Runs a data command (LIST, RETR ...) and returns the data and the final reply. */
    Transfer download(String line) throws IOException {
        Socket plain = openPassive();
        String preliminary = command(line);
        if (!preliminary.startsWith("150")) {
            plain.close();
            return new Transfer(new byte[0], preliminary);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (SSLSocket secure = layer(plain)) {
            secure.getInputStream().transferTo(data);
        } catch (IOException e) {
            // the server refused the data connection; its final reply says why
        }
        return new Transfer(data.toByteArray(), reply());
    }

    /** Runs STOR and returns the final reply. */
    String upload(String path, byte[] content) throws IOException {
        Socket plain = openPassive();
        String preliminary = command("STOR " + path);
        if (!preliminary.startsWith("150")) {
            plain.close();
            return preliminary;
        }
        try (SSLSocket secure = layer(plain)) {
            OutputStream stream = secure.getOutputStream();
            stream.write(content);
            stream.flush();
        }
        return reply();
    }

    private Socket openPassive() throws IOException {
        String pasv = command("PASV");
        Matcher matcher = PASV.matcher(pasv);
        if (!matcher.find()) {
            throw new IOException("unexpected PASV reply " + pasv);
        }
        int dataPort = Integer.parseInt(matcher.group(5)) * 256 + Integer.parseInt(matcher.group(6));
        return new Socket(host, dataPort);
    }

    private SSLSocket layer(Socket plain) throws IOException {
        // JSSE keys its client session cache by the layered socket's host and port: presenting the data socket with
        // the control port makes the data handshake resume the control connection's session
        SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(new ControlPortSocket(plain, port), host,
                port, true);
        secure.setUseClientMode(true);
        secure.startHandshake();
        return secure;
    }

    private String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("connection closed");
        }
        reply.append(line);
        if (line.length() > 3 && line.charAt(3) == '-') {
            String code = line.substring(0, 3);
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("connection closed");
                }
                reply.append('\n').append(line);
            } while (!(line.startsWith(code) && line.length() > 3 && line.charAt(3) == ' '));
        }
        return reply.toString();
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + " but got " + reply);
        }
    }

    @Override
    public void close() throws IOException {
        control.close();
    }

    /** A connected socket that reports the control connection's port as its remote port. */
    private static final class ControlPortSocket extends Socket {
        private final Socket delegate;
        private final int reportedPort;

        ControlPortSocket(Socket delegate, int reportedPort) {
            this.delegate = delegate;
            this.reportedPort = reportedPort;
        }

        @Override
        public int getPort() {
            return reportedPort;
        }

        @Override
        public java.net.InetAddress getInetAddress() {
            return delegate.getInetAddress();
        }

        @Override
        public java.net.SocketAddress getRemoteSocketAddress() {
            return delegate.getRemoteSocketAddress();
        }

        @Override
        public java.net.InetAddress getLocalAddress() {
            return delegate.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return delegate.getLocalPort();
        }

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return delegate.getOutputStream();
        }

        @Override
        public boolean isConnected() {
            return delegate.isConnected();
        }

        @Override
        public boolean isClosed() {
            return delegate.isClosed();
        }

        @Override
        public boolean isInputShutdown() {
            return delegate.isInputShutdown();
        }

        @Override
        public boolean isOutputShutdown() {
            return delegate.isOutputShutdown();
        }

        @Override
        public void shutdownInput() throws IOException {
            delegate.shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            delegate.shutdownOutput();
        }

        @Override
        public void setSoTimeout(int timeout) throws java.net.SocketException {
            delegate.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws java.net.SocketException {
            return delegate.getSoTimeout();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws java.net.SocketException {
            delegate.setTcpNoDelay(on);
        }

        @Override
        public synchronized void close() throws IOException {
            delegate.close();
        }
    }

    /** Data received and the final reply of one transfer. */
    record Transfer(byte[] data, String reply) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }
}
