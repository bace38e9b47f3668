package net.sguil.bridge.rules;

import net.sguil.bridge.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hashes of known-bad files: a plain text file, one MD5, SHA-1 or SHA-256 (hex) a line, any case;
 * {@code #} starts a comment (whole line or after the hash); blank lines ignored. Immutable.
 */
public final class KnownBadHashes {
    private static final KnownBadHashes NONE = new KnownBadHashes(Set.of());
    private final Set<String> hashes;

    private KnownBadHashes(Set<String> hashes) {
        this.hashes = Set.copyOf(hashes);
    }

    public static KnownBadHashes none() {
        return NONE;
    }

    public static KnownBadHashes of(String... hashes) {
        Set<String> out = new HashSet<>();
        for (String h : hashes) {
            out.add(h.toLowerCase(Locale.ROOT));
        }
        return new KnownBadHashes(out);
    }

    public static KnownBadHashes load(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read known-bad hashes: " + e.getMessage(), e);
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String h = (hash < 0 ? line : line.substring(0, hash)).strip().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                continue;
            }
            if (!(h.length() == 32 || h.length() == 40 || h.length() == 64) || !h.matches("[0-9a-f]+")) {
                throw new ConfigException(file + ":" + (i + 1) + ": not an MD5, SHA-1 or SHA-256 hex hash");
            }
            out.add(h);
        }
        return new KnownBadHashes(out);
    }

    /** True when {@code hash} (any case) is listed; false for null. */
    public boolean contains(String hash) {
        return hash != null && hashes.contains(hash.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return hashes.size();
    }
}
