package app.nozzly.printer.driver.bambu;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Bambu printers present a certificate signed by Bambu's CA with CN = serial while clients connect by IP address:
 * the chain is validated against the configured CA and, instead of a hostname check, the leaf CN must equal the
 * printer's serial. A printer added without its serial is trusted on first use: the CA-signed certificate it
 * presents names the serial, and that certificate (its SHA-256 fingerprint) is the only one accepted afterwards.
 */
public final class SerialCheckingTrustManager implements X509TrustManager {

    /** The identity a printer's certificate states. */
    public record Identity(String serial, String fingerprint) {
    }

    private final X509TrustManager anchors;
    private volatile String serial;
    private volatile String pinnedFingerprint;
    private volatile Identity presented;

    /**
     * @param serial the serial the certificate must name, null to learn it from the first certificate
     * @param pinnedFingerprint the SHA-256 fingerprint (hex) the certificate must have, null for any CA-signed one
     */
    public SerialCheckingTrustManager(String caPem, String serial, String pinnedFingerprint) {
        this.anchors = anchorsOf(caPem);
        this.serial = serial;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchors.checkServerTrusted(chain, authType);
        String cn = commonName(chain[0]);
        String expected = serial;
        if (expected != null && !expected.equals(cn)) {
            throw new CertificateException("printer certificate CN " + cn + " does not match serial " + expected);
        }
        String fingerprint = fingerprint(chain[0]);
        String pinned = pinnedFingerprint;
        if (pinned != null && !pinned.equalsIgnoreCase(fingerprint)) {
            throw new CertificateException("printer " + cn + " presents another certificate (SHA-256 " + fingerprint
                    + ") than the one it was first trusted with (" + pinned + ")");
        }
        presented = new Identity(cn, fingerprint);
    }

    /** The identity of the last certificate accepted. */
    public Optional<Identity> presented() {
        return Optional.ofNullable(presented);
    }

    /** From now on only this serial's certificate with this fingerprint is accepted (after learning them). */
    public void expect(Identity identity) {
        this.serial = identity.serial();
        this.pinnedFingerprint = identity.fingerprint();
    }

    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot fingerprint the printer certificate", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only verifies printers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.getAcceptedIssuers();
    }

    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { this }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    static String commonName(X509Certificate certificate) throws CertificateException {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw new CertificateException("unreadable certificate subject", e);
        }
        throw new CertificateException("printer certificate has no CN");
    }

    private static X509TrustManager anchorsOf(String caPem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> cas = factory
                    .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("the CA certificate PEM holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate ca : cas) {
                store.setCertificateEntry("ca" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager available");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("invalid CA certificate: " + e.getMessage(), e);
        }
    }
}
