package net.sguil.bridge.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of everything a compiled knowledge base depends on: each DRL resource's name and text
 * (the built-in declarations included), the Drools version, and the build of the bridge itself, since
 * the compiled rules are Java classes linked against the fact classes. Two builds with equal keys
 * compile to the same thing; a changed rule, Drools or bridge gives a new key.
 */
final class RuleBuildKey {
    /** Changes whenever what is cached, or how, changes. */
    private static final String FORMAT = "sguil-bridge compiled rules 1";
    private static final String BRIDGE_CLASSES = "net/sguil/bridge/";
    private static final String DROOLS_VERSION = "drools.versions.properties";
    private static final Logger LOG = LoggerFactory.getLogger(RuleBuildKey.class);
    private static volatile Optional<String> build;

    private RuleBuildKey() {
    }

    /**
     * The key of {@code sources} (resource name → DRL text, in build order), as 64 hex digits; empty
     * when the bridge's own build cannot be told (then nothing may be cached).
     */
    static Optional<String> of(Map<String, String> sources) {
        return build().map(b -> {
            MessageDigest md = sha256();
            field(md, FORMAT);
            field(md, b);
            field(md, Integer.toString(sources.size()));
            sources.forEach((name, drl) -> {
                field(md, name);
                field(md, drl);
            });
            return HexFormat.of().formatHex(md.digest());
        });
    }

    /**
     * The Drools version and a digest of the bridge's classes where they were loaded from: the jar's
     * bytes, or every file's path and bytes under the classes directory. Computed once: the classes
     * cannot change under a running JVM.
     */
    static Optional<String> build() {
        Optional<String> b = build;
        if (b == null) {
            b = classesDigest().map(classes -> droolsVersion() + " " + classes);
            build = b;
        }
        return b;
    }

    private static String droolsVersion() {
        try (InputStream in = KieServices.class.getClassLoader().getResourceAsStream(DROOLS_VERSION)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("drools.version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // the manifest's version below, else none: the classes digest still tells Drools builds apart in the jar
        }
        String v = KieServices.class.getPackage().getImplementationVersion();
        return v == null ? "drools-unknown" : v;
    }

    private static Optional<String> classesDigest() {
        MessageDigest md = sha256();
        Path where = null;
        try {
            where = location();
            if (Files.isDirectory(where)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(where.resolve(BRIDGE_CLASSES))) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    field(md, where.relativize(f).toString());
                    md.update(Files.readAllBytes(f));
                }
            } else {
                // The whole jar, every byte (0.15 s for the fat jar, less than listing its 11,000 entries):
                // installed, Drools and every other library are in it too.
                try (InputStream in = Files.newInputStream(where)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        md.update(buffer, 0, n);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("the bridge's own classes cannot be read ({}, at {}); compiled rules are not cached", e, where);
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(md.digest()));
    }

    private static Path location() throws URISyntaxException {
        CodeSource cs = RuleBuildKey.class.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new IllegalStateException("no code source");
        }
        return Path.of(cs.getLocation().toURI());
    }

    /** Length-prefixed, so that no two different lists of fields hash the same bytes. */
    private static void field(MessageDigest md, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        md.update(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
