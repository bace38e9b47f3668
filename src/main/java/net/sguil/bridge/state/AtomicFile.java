package net.sguil.bridge.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that after a crash or a power cut it holds either the old or the new content,
 * never a mix: the content goes to {@code <name>.tmp}, which is fsynced, renamed over the target,
 * and the directory is fsynced so the rename itself is on disk. A {@code .tmp} left by a crash is
 * simply overwritten by the next write.
 */
public final class AtomicFile {
    /** Only the bridge's own user: journals and positions describe other people's traffic. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** The owner, and the group that may read the status (a monitoring user). */
    public static final Set<PosixFilePermission> GROUP_READABLE = PosixFilePermissions.fromString("rw-r-----");

    /** Writes the content of a file that may be large, as a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Set<PosixFilePermission> permissions, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, permissions, out -> out.write(bytes));
    }

    public static void write(Path target, Set<PosixFilePermission> permissions, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        write(temporary(target), target, permissions, content);
    }

    /**
     * The same through a staging file of the caller's ({@code tmp}, beside {@code target}): for a
     * target that several processes may write at once, each through a name of its own, where one
     * shared {@code .tmp} would mix their contents.
     */
    public static void write(Path tmp, Path target, Set<PosixFilePermission> permissions, Content content)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, permissions);
                }
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Where a write of {@code target} stages its content. */
    public static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /** Makes renames and creations in {@code dir} durable; not every platform can open a directory. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // best effort: the file's own content is already synced
        }
    }
}
