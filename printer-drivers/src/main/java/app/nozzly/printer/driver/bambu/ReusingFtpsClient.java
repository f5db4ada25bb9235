package app.nozzly.printer.driver.bambu;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.Socket;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPSClient;
import org.jboss.logging.Logger;

/**
 * Implicit FTPS client whose data connections resume the control connection's TLS session, as Bambu printers
 * (and vsftpd with require_ssl_reuse) demand. JSSE caches client sessions by peer host and port, and the data
 * socket has another port, so the control session is put into the cache under the data socket's host:port
 * before its handshake. That needs {@code --add-opens java.base/sun.security.ssl=ALL-UNNAMED}; without it the
 * data channel does a full handshake and printers that insist on reuse refuse the transfer.
 */
final class ReusingFtpsClient extends FTPSClient {

    private static final Logger LOG = Logger.getLogger(ReusingFtpsClient.class);

    ReusingFtpsClient(SSLContext context) {
        super(true, context);
    }

    @Override
    protected void _prepareDataSocket_(Socket socket) throws IOException {
        if (!(socket instanceof SSLSocket) || !(_socket_ instanceof SSLSocket control)) {
            return;
        }
        SSLSession session = control.getSession();
        SSLSessionContext context = session.getSessionContext();
        if (!session.isValid() || context == null) {
            return;
        }
        try {
            Field cacheField = context.getClass().getDeclaredField("sessionHostPortCache");
            cacheField.setAccessible(true);
            Object cache = cacheField.get(context);
            Method put = cache.getClass().getDeclaredMethod("put", Object.class, Object.class);
            put.setAccessible(true);
            String key = String.format("%s:%s", socket.getInetAddress().getHostAddress(), socket.getPort())
                    .toLowerCase(Locale.ROOT);
            put.invoke(cache, key, session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("FTPS data channel cannot reuse the TLS session (%s); continuing with a full handshake",
                    e.toString());
        }
    }
}
