package net.sguil.bridge.sguil.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed "sguild" certificate made once per test JVM with the JDK's keytool. */
public final class TestCertificate {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCertificate instance;

    final SSLContext serverContext;
    final Path pem;
    final String sha256;

    /** The certificate's PEM file, for a client to trust. */
    public Path pem() {
        return pem;
    }

    /** The certificate's SHA-256 fingerprint (hex). */
    public String sha256() {
        return sha256;
    }

    private TestCertificate(SSLContext serverContext, Path pem, String sha256) {
        this.serverContext = serverContext;
        this.pem = pem;
        this.sha256 = sha256;
    }

    public static synchronized TestCertificate get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("sguild-cert");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("sguild.p12");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "sguild", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=sguild", "-validity", "3", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            X509Certificate cert = (X509Certificate) ks.getCertificate("sguild");
            Path pem = dir.resolve("sguild.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            instance = new TestCertificate(ctx, pem, SguildTrust.sha256Hex(cert));
        }
        return instance;
    }
}
