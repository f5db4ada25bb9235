package app.nozzly.sim.bambu;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import app.nozzly.sim.StoredFile;

/**
 * The printer's file server: FTP over implicit TLS (RFC 4217 with TLS from the first byte, as on port 990 of a real
 * Bambu printer). Supports USER/PASS, PBSZ, PROT P, PASV/EPSV, LIST/NLST/MLSD, RETR, STOR, SIZE, MDTM, DELE, MKD,
 * RMD, CWD/CDUP/PWD. Data connections are TLS too and, when enabled, must resume the control connection's TLS
 * session like on the real printer (otherwise "522 SSL connection failed: session reuse required").
 */
final class ImplicitFtpsServer implements Closeable {

    private static final System.Logger LOG = System.getLogger(ImplicitFtpsServer.class.getName());
    private static final int DATA_ACCEPT_TIMEOUT_MILLIS = 15_000;
    private static final int IDLE_TIMEOUT_MILLIS = 300_000;
    private static final DateTimeFormatter LIST_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FACT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final BambuStorage storage;
    private final SSLContext sslContext;
    private final String serial;
    private final String username;
    private final String password;
    private final boolean requireSessionReuse;
    private final ExecutorService executor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile SSLServerSocket listener;
    private volatile int port;

    ImplicitFtpsServer(String serial, BambuStorage storage, SSLContext sslContext, String username, String password,
            boolean requireSessionReuse) {
        this.serial = serial;
        this.storage = storage;
        this.sslContext = sslContext;
        this.username = username;
        this.password = password;
        this.requireSessionReuse = requireSessionReuse;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ftps-" + serial + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts listening; port 0 picks a free port the first time, later calls reuse the same port. */
    synchronized void listen(int requestedPort) {
        try {
            SSLServerSocket socket = (SSLServerSocket) sslContext.getServerSocketFactory()
                    .createServerSocket(requestedPort, 50, InetAddress.getLoopbackAddress());
            // TLS 1.2: session resumption by id, as the printer's FTPS server does, so reuse can be checked
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            listener = socket;
            port = socket.getLocalPort();
            executor.execute(() -> acceptLoop(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("FTPS of printer " + serial + " cannot listen on port " + requestedPort, e);
        }
    }

    int port() {
        return port;
    }

    /** Stops listening and drops every open control and data connection. */
    synchronized void disconnect() {
        SSLServerSocket current = listener;
        listener = null;
        closeQuietly(current);
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        openSockets.clear();
    }

    @Override
    public void close() {
        disconnect();
        executor.shutdownNow();
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                openSockets.add(client);
                executor.execute(() -> serve((SSLSocket) client));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "FTPS of printer " + serial + ": accept failed", e);
            }
        }
    }

    private void serve(SSLSocket control) {
        try (control) {
            control.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            control.startHandshake();
            new Session(control).run();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "FTPS of printer " + serial + ": control connection ended: " + e);
        } finally {
            openSockets.remove(control);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing a socket that is already broken; nothing left to release
        }
    }

    /** One logged-in (or logging-in) control connection. */
    private final class Session {
        private final SSLSocket control;
        private final Writer out;
        private final BufferedReader in;
        private String pendingUser;
        private boolean loggedIn;
        private boolean protectedData;
        private String workingDirectory = "/";
        private ServerSocket passive;

        Session(SSLSocket control) throws IOException {
            this.control = control;
            this.out = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.UTF_8);
            this.in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
        }

        void run() throws IOException {
            reply(220, "Bambu Lab printer " + serial + " FTPS ready");
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    String command = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
                    String argument = space < 0 ? "" : line.substring(space + 1);
                    if (!handle(command, argument)) {
                        return;
                    }
                }
            } finally {
                closeQuietly(passive);
            }
        }

        private boolean handle(String command, String argument) throws IOException {
            switch (command) {
                case "USER" -> {
                    pendingUser = argument;
                    loggedIn = false;
                    reply(331, "Password required for " + argument);
                }
                case "PASS" -> {
                    if (username.equals(pendingUser) && password.equals(argument)) {
                        loggedIn = true;
                        reply(230, "User logged in");
                    } else {
                        reply(530, "Login incorrect");
                    }
                }
                case "QUIT" -> {
                    reply(221, "Goodbye");
                    return false;
                }
                case "NOOP" -> reply(200, "NOOP ok");
                case "FEAT" -> {
                    write("211-Features:\r\n PBSZ\r\n PROT\r\n PASV\r\n EPSV\r\n SIZE\r\n MDTM\r\n UTF8\r\n"
                            + " MLSD\r\n MLST type*;size*;modify*;\r\n211 End\r\n");
                }
                case "SYST" -> reply(215, "UNIX Type: L8");
                default -> {
                    if (!loggedIn) {
                        reply(530, "Please login with USER and PASS");
                    } else {
                        handleLoggedIn(command, argument);
                    }
                }
            }
            return true;
        }

        private void handleLoggedIn(String command, String argument) throws IOException {
            switch (command) {
                case "OPTS" -> reply(200, "OPTS ok");
                case "PBSZ" -> reply(200, "PBSZ=0");
                case "PROT" -> {
                    if ("P".equalsIgnoreCase(argument.trim())) {
                        protectedData = true;
                        reply(200, "Protection level set to P");
                    } else {
                        reply(536, "Only PROT P is supported");
                    }
                }
                case "TYPE", "MODE", "STRU" -> reply(200, command + " set to " + argument);
                case "PWD", "XPWD" -> reply(257, "\"" + workingDirectory + "\" is the current directory");
                case "CWD", "XCWD" -> changeDirectory(argument);
                case "CDUP", "XCUP" -> changeDirectory("..");
                case "PASV" -> {
                    openPassive();
                    int dataPort = passive.getLocalPort();
                    reply(227, "Entering Passive Mode (127,0,0,1," + (dataPort >> 8) + "," + (dataPort & 0xff) + ")");
                }
                case "EPSV" -> {
                    openPassive();
                    reply(229, "Entering Extended Passive Mode (|||" + passive.getLocalPort() + "|)");
                }
                case "LIST", "NLST", "MLSD" -> list(command, argument);
                case "RETR" -> retrieve(argument);
                case "STOR" -> store(argument);
                case "SIZE" -> {
                    Optional<StoredFile> file = storage.get(path(argument));
                    if (file.isPresent()) {
                        reply(213, String.valueOf(file.get().size()));
                    } else {
                        reply(550, "No such file: " + argument);
                    }
                }
                case "MDTM" -> {
                    Optional<StoredFile> file = storage.get(path(argument));
                    if (file.isPresent()) {
                        reply(213, FACT_TIME.format(file.get().modified()));
                    } else {
                        reply(550, "No such file: " + argument);
                    }
                }
                case "DELE" -> {
                    if (storage.delete(path(argument))) {
                        reply(250, "Deleted " + argument);
                    } else {
                        reply(550, "No such file: " + argument);
                    }
                }
                case "MKD", "XMKD" -> {
                    if (storage.makeDirectory(path(argument))) {
                        reply(257, "\"" + path(argument) + "\" created");
                    } else {
                        reply(550, "Cannot create " + argument);
                    }
                }
                case "RMD", "XRMD" -> {
                    if (storage.removeDirectory(path(argument))) {
                        reply(250, "Removed " + argument);
                    } else {
                        reply(550, "Cannot remove " + argument);
                    }
                }
                default -> reply(502, "Command not implemented: " + command);
            }
        }

        private String path(String argument) {
            return BambuStorage.resolve(workingDirectory, argument.trim());
        }

        private void changeDirectory(String argument) throws IOException {
            String target = path(argument);
            if (storage.isDirectory(target)) {
                workingDirectory = target;
                reply(250, "Directory changed to " + target);
            } else {
                reply(550, "No such directory: " + argument);
            }
        }

        private void openPassive() throws IOException {
            closeQuietly(passive);
            passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            passive.setSoTimeout(DATA_ACCEPT_TIMEOUT_MILLIS);
        }

        private void list(String command, String argument) throws IOException {
            String target = argument.startsWith("-") ? workingDirectory : path(argument);
            if (!storage.isDirectory(target)) {
                Optional<StoredFile> file = storage.get(target);
                if (file.isEmpty() || command.equals("MLSD")) {
                    reply(550, "No such directory: " + argument);
                    return;
                }
            }
            StringBuilder listing = new StringBuilder();
            List<BambuStorage.Entry> entries = storage.isDirectory(target) ? storage.list(target)
                    : storage.get(target).map(file -> List.of(new BambuStorage.Entry(file.name(), false, file.size(),
                            file.modified()))).orElse(List.of());
            for (BambuStorage.Entry entry : entries) {
                listing.append(switch (command) {
                    case "NLST" -> entry.name();
                    case "MLSD" -> "type=" + (entry.directory() ? "dir" : "file") + ";size=" + entry.size()
                            + ";modify=" + FACT_TIME.format(entry.modified()) + "; " + entry.name();
                    default -> (entry.directory() ? "drwxrwxrwx" : "-rw-rw-rw-") + " 1 root root "
                            + String.format(Locale.ROOT, "%10d", entry.size()) + " "
                            + LIST_TIME.format(entry.modified()) + " " + entry.name();
                }).append("\r\n");
            }
            transfer(listing.toString().getBytes(StandardCharsets.UTF_8), null);
        }

        private void retrieve(String argument) throws IOException {
            Optional<StoredFile> file = storage.get(path(argument));
            if (file.isEmpty()) {
                reply(550, "No such file: " + argument);
                return;
            }
            transfer(file.get().content(), null);
        }

        private void store(String argument) throws IOException {
            String target = path(argument);
            if (target.equals("/") || storage.isDirectory(target)) {
                reply(553, "Not a file name: " + argument);
                return;
            }
            transfer(null, target);
        }

        /** Sends (outgoing != null) or receives (into storage at target) one data transfer over the passive connection. */
        private void transfer(byte[] outgoing, String target) throws IOException {
            if (!protectedData) {
                reply(521, "Data connections must be protected: send PBSZ 0 and PROT P first");
                return;
            }
            if (passive == null) {
                reply(425, "Use PASV or EPSV first");
                return;
            }
            reply(150, "Opening BINARY mode data connection");
            ServerSocket dataListener = passive;
            passive = null;
            try (dataListener; Socket plain = dataListener.accept()) {
                openSockets.add(plain);
                SSLSocket data = (SSLSocket) sslContext.getSocketFactory()
                        .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                data.setUseClientMode(false);
                data.setEnabledProtocols(new String[] {"TLSv1.2"});
                data.setSoTimeout(DATA_ACCEPT_TIMEOUT_MILLIS);
                try (data) {
                    data.startHandshake();
                    if (requireSessionReuse && !sameSession(control.getSession(), data.getSession())) {
                        reply(522, "SSL connection failed: session reuse required");
                        return;
                    }
                    if (outgoing != null) {
                        OutputStream stream = data.getOutputStream();
                        stream.write(outgoing);
                        stream.flush();
                    } else {
                        storage.put(target, readAll(data.getInputStream()));
                    }
                } finally {
                    openSockets.remove(plain);
                }
            } catch (SocketTimeoutException e) {
                reply(425, "No data connection was opened");
                return;
            } catch (IOException e) {
                reply(426, "Data connection failed: " + e.getMessage());
                return;
            }
            reply(226, "Transfer complete");
        }

        private byte[] readAll(InputStream stream) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
        }

        private boolean sameSession(SSLSession controlSession, SSLSession dataSession) {
            return Arrays.equals(controlSession.getId(), dataSession.getId()) && controlSession.getId().length > 0;
        }

        private void reply(int code, String text) throws IOException {
            write(code + " " + text + "\r\n");
        }

        private void write(String text) throws IOException {
            out.write(text);
            out.flush();
        }
    }
}
