package app.nozzly.sim.bambu;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A printer's TLS key and certificate chain (server certificate first, then the CA). */
final class ServerIdentity {

    private static final char[] IN_MEMORY_PASSWORD = "simulator".toCharArray();

    private final PrivateKey privateKey;
    private final X509Certificate[] chain;

    ServerIdentity(PrivateKey privateKey, X509Certificate[] chain) {
        this.privateKey = privateKey;
        this.chain = chain.clone();
    }

    String privateKeyPem() {
        return BambuCertificateAuthority.pem("PRIVATE KEY", privateKey.getEncoded());
    }

    String certificateChainPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append(BambuCertificateAuthority.pem("CERTIFICATE", BambuCertificateAuthority.encoded(certificate)));
        }
        return pem.toString();
    }

    /** A server-side TLS context presenting this identity. */
    SSLContext sslContext() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("printer", privateKey, IN_MEMORY_PASSWORD, chain);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context of the simulated printer", e);
        }
    }
}
