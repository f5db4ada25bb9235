package app.nozzly.printer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import app.nozzly.sim.bambu.BambuCertificateAuthority;

/**
 * A Bambu CA printer-service trusts without a per-printer ca_certificate, as it trusts Bambu's own CA in production:
 * its PEM is appended to printer.bambu.ca-file of the test configuration (every CA in that file is trusted).
 */
public final class TrustedBambuCa {

    public static final Path FILE = Path.of("target/test-bambu-ca.pem");

    private TrustedBambuCa() {
    }

    public static synchronized BambuCertificateAuthority create() {
        BambuCertificateAuthority ca = BambuCertificateAuthority.generate();
        try {
            Files.writeString(FILE, ca.certificatePem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ca;
    }
}
