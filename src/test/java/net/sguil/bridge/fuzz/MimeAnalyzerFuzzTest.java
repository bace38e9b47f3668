package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.files.FileLimits;
import net.sguil.bridge.files.StoredFile;
import net.sguil.bridge.mime.AnalyzedMessage;
import net.sguil.bridge.mime.FoundFile;
import net.sguil.bridge.mime.MessageAnalyzer;
import net.sguil.bridge.mime.MimeLimits;
import net.sguil.bridge.weird.Weirds;

/**
 * MIME analysis of one message held in memory: the bytes after byte 0 are the message as spooled from
 * the wire. Byte 0 bit 0 chooses tiny limits (depth 3, 8 parts, 1 KiB header block and lines, 4 KiB
 * per stored file, 32-byte file names); bit 1 says the message had a TCP gap.
 *
 * <p>Invariants: nothing escapes; every stored file is a regular file inside the output directory
 * (never a link), and exactly the files the result names were written; no file is larger than the
 * limit or than the message (decoding never grows data); no more attachments than the part limit;
 * the skeleton stays within a fixed size per part; a gapped message and all its files say truncated.
 */
class MimeAnalyzerFuzzTest {
    private static final MimeLimits TINY = new MimeLimits(3, 8, 1024, 1024, 4096, 4096);
    private static final Path OUT = Fuzzing.scratchDirectory("mimefuzz");
    private static final AttachmentStore DEFAULT_STORE = store(FileLimits.defaults().maxNameLength());
    private static final AttachmentStore TINY_STORE = store(32);

    @FuzzTest
    void analyzeMessage(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        MimeLimits limits = (input[0] & 1) != 0 ? TINY : MimeLimits.defaults();
        boolean gap = (input[0] & 2) != 0;
        AttachmentStore store = limits == TINY ? TINY_STORE : DEFAULT_STORE;
        byte[] message = java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            Map<String, StoredFile> stored = new HashMap<>();
            AnalyzedMessage m = new MessageAnalyzer(limits, new Weirds()).analyze(message, message.length, gap,
                    (file, decoded) -> {
                        StoredFile f = store.store("message", file.name(), decoded);
                        stored.put(f.path().toString(), f);
                        return f.path().toString();
                    });
            check(m.files().size() <= limits.maxParts(), m.files().size() + " attachments");
            check(!gap || m.truncated(), "a gapped message is not marked truncated");
            check(m.skeletonText().length() <= (limits.maxParts() + 1L) * 8192, "skeleton of "
                    + m.skeletonText().length() + " characters");
            Set<Path> named = new HashSet<>();
            for (FoundFile found : m.files()) {
                StoredFile a = stored.get(found.location());
                Path p = a.path().toAbsolutePath().normalize();
                check(p.startsWith(OUT), "stored outside the output directory: " + p);
                check(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), "not a regular file: " + p);
                check(p.toRealPath().startsWith(OUT.toRealPath()), "resolves outside the output directory: " + p);
                check(named.add(p), "two attachments name one file: " + p);
                check(Files.size(p) == a.size(), "size on disk differs from the record");
                check(a.size() <= limits.maxStoredSize() && a.size() <= message.length,
                        "file of " + a.size() + " bytes from a message of " + message.length);
                check(!gap || found.truncated(), "an attachment of a gapped message is complete");
            }
            Set<Path> written = files();
            check(written.equals(named), "written " + written.size() + " files, the result names " + named.size());
        } finally {
            clear();
        }
    }

    private static Set<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(OUT)) {
            return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        }
    }

    private static void clear() throws IOException {
        try (Stream<Path> s = Files.walk(OUT)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(OUT)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static AttachmentStore store(int maxNameLength) {
        try {
            return new AttachmentStore(OUT, maxNameLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
