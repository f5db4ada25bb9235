package app.nozzly.sim.bambu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BambuFtpsTest {

    private static final BambuCertificateAuthority CA = BambuCertificateAuthority.generate();
    private static final byte[] PROJECT = "PK\u0003\u0004 simulated 3mf".getBytes(StandardCharsets.ISO_8859_1);

    private BambuPrinterSimulator printer;

    @BeforeEach
    void startPrinter() {
        printer = start(true);
        printer.addFile("/cache/bracket.3mf", PROJECT);
    }

    @AfterEach
    void stopPrinter() {
        printer.close();
    }

    private static BambuPrinterSimulator start(boolean requireReuse) {
        return BambuPrinterSimulator.builder()
                .serial("0309DA4B0200001")
                .model(BambuModel.A1)
                .accessCode("24681357")
                .timeScale(60)
                .reportInterval(Duration.ofSeconds(1))
                .certificateAuthority(CA)
                .requireFtpsSessionReuse(requireReuse)
                .start();
    }

    private ReusingFtpsClient client() throws Exception {
        return new ReusingFtpsClient(printer.host(), printer.ftpsPort(),
                new BambuMqttTestClient.SerialCheckingTrustManager(printer.caCertificatePem(), printer.serial()));
    }

    @Test
    void listsAndDownloadsOverImplicitTlsWithProtPAndReusedSession() throws Exception {
        try (ReusingFtpsClient client = client()) {
            client.login("bblp", "24681357");

            ReusingFtpsClient.Transfer root = client.download("LIST /");
            assertThat(root.reply()).startsWith("226");
            assertThat(root.text()).contains("cache", "timelapse", "image", "logger");

            ReusingFtpsClient.Transfer cache = client.download("MLSD /cache");
            assertThat(cache.reply()).startsWith("226");
            assertThat(cache.text()).contains("type=file;size=" + PROJECT.length + ";", " bracket.3mf");

            assertThat(client.command("SIZE /cache/bracket.3mf")).isEqualTo("213 " + PROJECT.length);
            ReusingFtpsClient.Transfer download = client.download("RETR /cache/bracket.3mf");
            assertThat(download.reply()).startsWith("226");
            assertThat(download.data()).isEqualTo(PROJECT);
        }
    }

    @Test
    void uploadsAndDeletesFiles() throws Exception {
        byte[] content = new byte[200_000];
        Arrays.fill(content, (byte) 7);
        try (ReusingFtpsClient client = client()) {
            client.login("bblp", "24681357");
            assertThat(client.upload("/cache/big.3mf", content)).startsWith("226");
            assertThat(printer.file("/cache/big.3mf").orElseThrow().content()).isEqualTo(content);

            assertThat(client.command("DELE /cache/big.3mf")).startsWith("250");
            assertThat(printer.file("/cache/big.3mf")).isEmpty();
            assertThat(client.command("DELE /cache/big.3mf")).startsWith("550");
        }
    }

    @Test
    void wrongAccessCodeIsRefusedAndNothingIsServedBeforeLogin() throws Exception {
        try (ReusingFtpsClient client = client()) {
            assertThat(client.command("USER bblp")).startsWith("331");
            assertThat(client.command("PASS 00000000")).startsWith("530");
            assertThat(client.command("PASV")).startsWith("530");
        }
    }

    @Test
    void dataConnectionWithoutSessionReuseIsRefusedLikeOnTheRealPrinter() throws Exception {
        FTPSClient ftps = commonsNetClient();
        try {
            FTPFile[] files = ftps.listFiles("/cache");
            assertThat(files).isEmpty();
            assertThat(ftps.getReplyString()).contains("522");
        } finally {
            ftps.disconnect();
        }
    }

    @Test
    void commonsNetClientWorksWhenSessionReuseIsNotRequired() throws Exception {
        printer.close();
        printer = start(false);
        printer.addFile("/cache/bracket.3mf", PROJECT);
        FTPSClient ftps = commonsNetClient();
        try {
            assertThat(Arrays.stream(ftps.listFiles("/cache")).map(FTPFile::getName)).containsExactly("bracket.3mf");
            ByteArrayOutputStream download = new ByteArrayOutputStream();
            assertThat(ftps.retrieveFile("/cache/bracket.3mf", download)).isTrue();
            assertThat(download.toByteArray()).isEqualTo(PROJECT);
            assertThat(ftps.storeFile("/plate.3mf", new ByteArrayInputStream(PROJECT))).isTrue();
            assertThat(printer.file("/plate.3mf")).isPresent();
        } finally {
            ftps.disconnect();
        }
    }

    private FTPSClient commonsNetClient() throws Exception {
        FTPSClient ftps = new FTPSClient(true);
        ftps.setTrustManager(new BambuMqttTestClient.SerialCheckingTrustManager(printer.caCertificatePem(), printer.serial()));
        ftps.setConnectTimeout(10_000);
        ftps.connect(printer.host(), printer.ftpsPort());
        assertThat(ftps.login("bblp", "24681357")).isTrue();
        ftps.execPBSZ(0);
        ftps.execPROT("P");
        ftps.enterLocalPassiveMode();
        ftps.setFileType(FTP.BINARY_FILE_TYPE);
        return ftps;
    }
}
