package app.nozzly.sim.bambu;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA standing in for Bambu Lab's device CA: it signs printer certificates whose subject CN is the printer
 * serial and which carry no subject alternative name, exactly why clients connecting by IP must check the CN themselves.
 * One CA may sign several simulated printers (the farm shares one, like the real fleet does).
 */
public final class BambuCertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private BambuCertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Generates a fresh CA key pair and self-signed CA certificate. */
    public static BambuCertificateAuthority generate() {
        KeyPair caKeys = newKeyPair();
        X500Name name = new X500Name("CN=BBL CA (simulated),O=Nozzly printer simulators,C=CN");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(), notBefore(),
                notAfter(), name, caKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the simulator CA certificate", e);
        }
        return new BambuCertificateAuthority(caKeys, sign(builder, caKeys.getPrivate()));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate as PEM: what a client configures as its only trust anchor. */
    public String certificatePem() {
        return pem("CERTIFICATE", encoded(certificate));
    }

    /** Issues a TLS server certificate with subject CN = serial (no SAN), signed by this CA. */
    ServerIdentity issueServerIdentity(String serial) {
        KeyPair serverKeys = newKeyPair();
        X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        PublicKey publicKey = serverKeys.getPublic();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(), notBefore(),
                notAfter(), new X500Name("CN=" + serial), publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build the certificate for printer " + serial, e);
        }
        X509Certificate serverCertificate = sign(builder, keyPair.getPrivate());
        return new ServerIdentity(serverKeys.getPrivate(), new X509Certificate[] {serverCertificate, certificate});
    }

    static String pem(String type, byte[] der) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + type + "-----\n" + encoder.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a simulator certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private static BigInteger serialNumber() {
        return new BigInteger(63, RANDOM);
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(VALIDITY));
    }
}
