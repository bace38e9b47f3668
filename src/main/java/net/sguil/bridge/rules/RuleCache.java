package net.sguil.bridge.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.sguil.bridge.state.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of compiled knowledge bases (Drools kjars), one file per {@link RuleBuildKey}, so that
 * the same rules under the same build of the bridge are compiled once, not at every start.
 *
 * <p>Loading an entry runs the classes in it, so the directory must be the user's own: it is created
 * mode 0700, and one owned by someone else or writable by group or others is not used at all. An entry
 * carries the SHA-256 of its content; one that is damaged, truncated or unreadable is reported and
 * overwritten by the next build. Entries are kept for the {@value #KEEP} most recently used builds.
 * Nothing here ever fails a command: a cache that cannot be used means compiling, as without one.
 */
public final class RuleCache {
    /** How many builds are kept: enough for a few rule sets in use, bounded however often rules are edited. */
    public static final int KEEP = 8;
    static final String SUFFIX = ".kbase";
    private static final byte[] MAGIC = "sguil-bridge kbase 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST = 32;
    /** A temporary file this old was left by a process that died while writing it. */
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    private static final RuleCache NONE = new RuleCache(null);

    private final Path dir;

    private RuleCache(Path dir) {
        this.dir = dir;
    }

    /** The cache in {@code dir}, created (mode 0700) when first written. */
    public static RuleCache at(Path dir) {
        return new RuleCache(dir.toAbsolutePath().normalize());
    }

    /** No cache: every build compiles. */
    public static RuleCache none() {
        return NONE;
    }

    /**
     * A user's own cache, after the XDG base directory convention: {@code $XDG_CACHE_HOME/sguil-bridge/rules}
     * when that is an absolute path, else {@code ~/.cache/sguil-bridge/rules}.
     */
    public static Path userDefault(UnaryOperator<String> env) {
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sguil-bridge").resolve("rules");
    }

    /** The directory, or empty for {@link #none()}. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The kjar stored under {@code key}; empty when there is none or it cannot be trusted (said in the log). */
    Optional<byte[]> read(String key) {
        if (dir == null || !Files.isDirectory(dir) || !safe(dir, true, true)) {
            return Optional.empty();
        }
        Path entry = entry(key);
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!safe(entry, false, true)) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(entry);
            Optional<byte[]> kjar = unwrap(content);
            if (kjar.isEmpty()) {
                LOG.warn("rule cache entry {} is damaged (checksum or length wrong); compiling the rules afresh", entry);
                return Optional.empty();
            }
            touch(entry);
            return kjar;
        } catch (NoSuchFileException e) {
            return Optional.empty(); // another process's cap removed it just now
        } catch (IOException e) {
            LOG.warn("rule cache entry {} cannot be read ({}); compiling the rules afresh", entry, e.toString());
            return Optional.empty();
        }
    }

    /** Most recently used, not most recently written, is what the cap keeps; a read-only cache still loads. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("rule cache entry {} cannot be marked as used ({})", entry, e.toString());
        }
    }

    /** Reports an entry that read back intact but that Drools would not load; the next build overwrites it. */
    void unusable(String key, RuntimeException e) {
        LOG.warn("rule cache entry {} does not load ({}); compiling the rules afresh", entry(key), e.toString());
    }

    /**
     * Stores {@code kjar} under {@code key}, atomically (a reader sees the old entry, the new one or none),
     * then removes the least recently used entries beyond {@value #KEEP}. A failure is logged and ignored.
     */
    void store(String key, byte[] kjar) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!safe(dir, true, false)) {
                return;
            }
            // A name of its own per writer: two processes compiling the same rules must not share a temporary file.
            Path tmp = Files.createTempFile(dir, key.substring(0, 16), ".tmp");
            AtomicFile.write(tmp, entry(key), AtomicFile.OWNER_ONLY, out -> {
                out.write(MAGIC);
                out.write(sha256(kjar));
                out.write(kjar);
            });
            trim();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.debug("rule cache {} cannot be written ({}); the rules were compiled without it", dir, e.toString());
        }
    }

    private Path entry(String key) {
        return dir.resolve(key + SUFFIX);
    }

    private void trim() throws IOException {
        List<Path> entries = new ArrayList<>();
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    entries.add(p);
                } else if (name.endsWith(".tmp") && modified(p).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        entries.sort(Comparator.comparing(RuleCache::modified).reversed());
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone or unreadable: first to go
        }
    }

    /**
     * Whether {@code p} is a directory (followed if a link) or a regular file (not a link) of the current
     * user's that no one else may write. Says why not: at WARN when about to load from it, at DEBUG when
     * only about to write.
     */
    private static boolean safe(Path p, boolean directory, boolean loading) {
        String why;
        try {
            LinkOption[] how = directory ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            int mode = (Integer) Files.getAttribute(p, "unix:mode", how);
            int owner = (Integer) Files.getAttribute(p, "unix:uid", how);
            int me = (int) new com.sun.security.auth.module.UnixSystem().getUid();
            if (directory ? !Files.isDirectory(p, how) : !Files.isRegularFile(p, how)) {
                why = directory ? "not a directory" : "not a regular file";
            } else if (owner != me) {
                why = "owned by uid " + owner + ", not by this user (uid " + me + ")";
            } else if ((mode & 0022) != 0) {
                why = "writable by group or others (mode " + Integer.toOctalString(mode & 07777) + ")";
            } else {
                return true;
            }
        } catch (NoSuchFileException e) {
            return false; // gone since it was seen: a miss, nothing to report
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            why = "its owner and mode cannot be read (" + e + ")";
        }
        if (loading) {
            LOG.warn("rule cache {} is not safe to load from: {}; compiling the rules without it", p, why);
        } else {
            LOG.debug("rule cache {} is not used: {}", p, why);
        }
        return false;
    }

    private static Optional<byte[]> unwrap(byte[] content) {
        int head = MAGIC.length + DIGEST;
        if (content.length <= head || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        byte[] kjar = Arrays.copyOfRange(content, head, content.length);
        byte[] stored = Arrays.copyOfRange(content, MAGIC.length, head);
        return MessageDigest.isEqual(stored, sha256(kjar)) ? Optional.of(kjar) : Optional.empty();
    }

    private static byte[] sha256(byte[] data) {
        return RuleBuildKey.sha256().digest(data);
    }
}
