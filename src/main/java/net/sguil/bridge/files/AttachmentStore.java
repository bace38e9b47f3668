package net.sguil.bridge.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes attachments under one output directory, hashing them on the way. Thread-safe: every
 * decision that could race (which name a file gets) is made atomically by the file system
 * ({@code CREATE_NEW}).
 *
 * <p>Names come from attackers. A stored file is always a regular file created new (never an
 * existing file, never through a symbolic link) directly inside {@code outputDir/subdir}, with a
 * name sanitized by {@link SafeFileName}, mode 0640 (files) / 0750 (directories) or stricter
 * by the umask. Two files wanting the same name both survive: {@code name.ext}, {@code name-1.ext}, …
 */
public final class AttachmentStore {
    private static final int BUFFER_SIZE = 64 * 1024;
    /** After this many taken names, give up counting and use a name that cannot collide in practice. */
    private static final int MAX_SEQUENTIAL_SUFFIX = 1000;
    private static final Set<OpenOption> CREATE_OPTIONS = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private final Path outputDir;
    private final Path realOutputDir;
    private final int maxNameLength;
    private final boolean posix;

    public AttachmentStore(Path outputDir) throws IOException {
        this(outputDir, SafeFileName.DEFAULT_MAX_LENGTH);
    }

    /** Creates {@code outputDir} (mode 0750) when missing. */
    public AttachmentStore(Path outputDir, int maxNameLength) throws IOException {
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        this.outputDir = outputDir;
        this.maxNameLength = maxNameLength;
        if (!Files.isDirectory(outputDir)) {
            Files.createDirectories(outputDir, directoryAttributes());
        }
        this.realOutputDir = outputDir.toRealPath();
    }

    /**
     * Reads {@code decodedBytes} to its end once, writing them to a new file in {@code subdir}
     * (sanitized like a file name; null or empty: the output directory itself) and computing MD5,
     * SHA-1, SHA-256 in the same pass, and the type from the first bytes. The stream is not closed.
     *
     * @throws IOException when the disk fails, or reading {@code decodedBytes} fails
     */
    public StoredFile store(String subdir, String declaredName, InputStream decodedBytes) throws IOException {
        Path dir = directoryFor(subdir);
        SafeFileName name = SafeFileName.of(declaredName, maxNameLength);
        for (int n = 0; ; n++) {
            String candidate = n <= MAX_SEQUENTIAL_SUFFIX ? name.withSuffix(n)
                    : name.withSuffix(MAX_SEQUENTIAL_SUFFIX + ThreadLocalRandom.current().nextInt(1 << 30));
            Path target = dir.resolve(candidate);
            requireInside(target, dir);
            FileChannel out;
            try {
                out = posix ? FileChannel.open(target, CREATE_OPTIONS, fileAttributes())
                        : FileChannel.open(target, CREATE_OPTIONS);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try (out) {
                return copy(decodedBytes, out, displayPath(subdir, dir, candidate));
            } catch (IOException | RuntimeException e) {
                // a half-written file would look like a real attachment; the file is ours (CREATE_NEW)
                Files.deleteIfExists(target);
                throw e;
            }
        }
    }

    /** The path as the caller named the output directory, so records read like the command line. */
    private Path displayPath(String subdir, Path realDir, String fileName) {
        Path base = realDir.equals(realOutputDir) ? outputDir : outputDir.resolve(realDir.getFileName());
        return base.resolve(fileName);
    }

    private Path directoryFor(String subdir) throws IOException {
        if (subdir == null || subdir.isEmpty()) {
            return realOutputDir;
        }
        SafeFileName name = SafeFileName.of(subdir, maxNameLength);
        for (int n = 0; ; n++) {
            Path dir = realOutputDir.resolve(name.withSuffix(n));
            requireInside(dir, realOutputDir);
            try {
                if (posix) {
                    Files.createDirectory(dir, directoryAttributes());
                } else {
                    Files.createDirectory(dir);
                }
                return dir;
            } catch (FileAlreadyExistsException exists) {
                // Ours from an earlier attachment of the same message if it is a real directory;
                // anything else (a planted link, a file) is left alone and the next name is tried.
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return dir;
                }
                if (n >= MAX_SEQUENTIAL_SUFFIX) {
                    throw new IOException("no usable directory name for " + dir);
                }
            }
        }
    }

    private void requireInside(Path p, Path parent) throws IOException {
        Path normal = p.normalize();
        if (!normal.startsWith(realOutputDir) || !parent.equals(normal.getParent())) {
            throw new IOException("refusing to write outside " + realOutputDir + ": " + p);
        }
    }

    private static StoredFile copy(InputStream in, FileChannel out, Path shown) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        byte[] buf = new byte[BUFFER_SIZE];
        ByteBuffer chunk = ByteBuffer.wrap(buf);
        byte[] head = new byte[FileTypeDetector.HEAD_SIZE];
        int headLen = 0;
        long size = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                break;
            }
            if (headLen < head.length) {
                int c = Math.min(n, head.length - headLen);
                System.arraycopy(buf, 0, head, headLen, c);
                headLen += c;
            }
            md5.update(buf, 0, n);
            sha1.update(buf, 0, n);
            sha256.update(buf, 0, n);
            chunk.clear().limit(n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            size += n;
        }
        HexFormat hex = HexFormat.of();
        return new StoredFile(shown, size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()), FileTypeDetector.detect(head, headLen));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + algorithm, e);
        }
    }

    private static FileAttribute<?> fileAttributes() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
    }

    private FileAttribute<?>[] directoryAttributes() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-x---"))} : new FileAttribute<?>[0];
    }
}
