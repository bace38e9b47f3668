package net.sguil.bridge.sguil.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which sguild certificate the agent trusts. sguild's certificate is usually self-signed, so the
 * operator either hands us that certificate (PEM) or its SHA-256 fingerprint; trusting anything is
 * possible only by asking for it, and every connection then logs a warning.
 */
public final class SguildTrust {
    private final String description;
    private final TrustManager[] trustManagers;
    private final boolean insecure;

    private SguildTrust(String description, TrustManager[] trustManagers, boolean insecure) {
        this.description = description;
        this.trustManagers = trustManagers;
        this.insecure = insecure;
    }

    /**
     * Trusts the certificate(s) in a PEM file: sguild's self-signed certificate, or a CA that signs
     * only sguild's. There is no host name check (sguild certificates rarely carry the name agents
     * connect to), so a CA given here vouches for every certificate it signed.
     */
    public static SguildTrust pemCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + pem);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int n = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("sguild-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return new SguildTrust("certificate " + pem, tmf.getTrustManagers(), false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the sguild certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the server certificate with this SHA-256 fingerprint (hex, colons and case ignored). */
    public static SguildTrust sha256Fingerprint(String fingerprint) {
        String hex = fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits, got '" + fingerprint + "'");
        }
        return new SguildTrust("SHA-256 fingerprint " + hex, new TrustManager[] {new Pinned(hex)}, false);
    }

    /** Trusts any certificate: a man in the middle can read and inject events. Logged on every connect. */
    public static SguildTrust trustAllInsecure() {
        return new SguildTrust("any certificate (INSECURE)", new TrustManager[] {new Pinned(null)}, true);
    }

    public static String sha256Hex(X509Certificate cert) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
    }

    boolean isInsecure() {
        return insecure;
    }

    SSLContext sslContext() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trustManagers, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Compares the leaf certificate with a pinned fingerprint; a null pin accepts everything. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final String pin;

        Pinned(String pin) {
            this.pin = pin;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (pin == null) {
                return;
            }
            if (chain == null || chain.length == 0) {
                throw new CertificateException("sguild sent no certificate");
            }
            String actual = sha256Hex(chain[0]);
            if (!MessageDigest.isEqual(actual.getBytes(), pin.getBytes())) {
                throw new CertificateException("sguild certificate fingerprint " + actual
                        + " does not match the configured " + pin);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("an agent does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("an agent does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("an agent does not accept clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
