package app.nozzly.edge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The CAs the agent trusts for printer-service: the system's, plus the one of tls.ca-file when set. */
final class ServerTls {

    private final X509TrustManager trustManager;
    private final SSLContext context;

    private ServerTls(X509TrustManager trustManager, SSLContext context) {
        this.trustManager = trustManager;
        this.context = context;
    }

    static ServerTls load(Path caFile) {
        try {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            if (caFile == null) {
                return create(defaults);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate ca : x509(defaults).getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + index++, ca);
            }
            try (InputStream pem = Files.newInputStream(caFile)) {
                for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    store.setCertificateEntry("extra-" + index++, ca);
                }
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            return create(combined);
        } catch (IOException | GeneralSecurityException e) {
            throw new EdgeSettings.InvalidSettingsException("tls.ca-file " + caFile + " is not a PEM CA certificate: "
                    + e.getMessage());
        }
    }

    private static ServerTls create(TrustManagerFactory factory) throws GeneralSecurityException {
        X509TrustManager trust = x509(factory);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { trust }, null);
        return new ServerTls(trust, context);
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JVM offers no X.509 trust manager"));
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    SSLContext context() {
        return context;
    }
}
