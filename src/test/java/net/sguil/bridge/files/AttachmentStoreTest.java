package net.sguil.bridge.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {
    private static final List<String> HOSTILE = List.of("../../etc/cron.d/x", "..\\..\\boot.ini", "/etc/passwd",
            "a\u0000b.exe", "line\nbreak.txt", "x".repeat(10_000) + ".exe", ".bashrc", "CON", "..", ".", "",
            "same.pdf", "same.pdf", "same.pdf", "/", "\\", "~/.ssh/authorized_keys");

    @TempDir
    Path tmp;

    @Test
    void hostileNamesStayInsideWithMode0640AndNeverOverwrite() throws Exception {
        Path out = tmp.resolve("out");
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("victim.exe"), "precious");
        AttachmentStore store = new AttachmentStore(out);
        Files.createSymbolicLink(out.toRealPath().resolve("victim.exe"), victim);

        List<StoredFile> stored = new ArrayList<>();
        for (String name : HOSTILE) {
            stored.add(store.store("msg-1", name, bytes(name)));
        }
        stored.add(store.store("msg-1", "victim.exe", bytes("evil")));
        stored.add(store.store(null, "victim.exe", bytes("evil")));

        Path realOut = out.toRealPath();
        assertThat(stored).extracting(StoredFile::path).doesNotHaveDuplicates();
        for (StoredFile f : stored) {
            Path real = f.path().toRealPath(LinkOption.NOFOLLOW_LINKS);
            assertThat(real.startsWith(realOut)).as(real.toString()).isTrue();
            assertThat(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(Files.getPosixFilePermissions(real)).isSubsetOf(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);
            assertThat(real.getFileName().toString()).doesNotStartWith(".").doesNotContain("\u0000", "\n");
            assertThat(real.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        }
        assertThat(Files.readString(victim)).isEqualTo("precious");
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).containsExactly(victim);
        }
        assertThat(stored.get(11).path().getFileName().toString()).isEqualTo("same.pdf");
        assertThat(stored.get(12).path().getFileName().toString()).isEqualTo("same-1.pdf");
        assertThat(stored.get(13).path().getFileName().toString()).isEqualTo("same-2.pdf");
        assertThat(stored.get(stored.size() - 1).path()).isEqualTo(out.resolve("victim-1.exe"));
        // every file holds its own content: nothing was overwritten
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(Files.readString(stored.get(i).path())).isEqualTo(HOSTILE.get(i));
        }
    }

    @Test
    void plantedSubdirectoryLinkIsNotFollowed() throws Exception {
        Path out = tmp.resolve("out");
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        AttachmentStore store = new AttachmentStore(out);
        Files.createSymbolicLink(out.resolve("msg-7"), outside);

        StoredFile f = store.store("msg-7", "a.exe", bytes("MZ"));

        assertThat(f.path()).isEqualTo(out.resolve("msg-7-1").resolve("a.exe"));
        assertThat(Files.isDirectory(out.resolve("msg-7-1"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.getPosixFilePermissions(out.resolve("msg-7-1")))
                .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE,
                        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
        // the same subdir again reuses the real directory, not the link
        assertThat(store.store("msg-7", "b.exe", bytes("x")).path().getParent()).isEqualTo(out.resolve("msg-7-1"));
    }

    @Test
    void subdirIsSanitizedLikeAName() throws Exception {
        AttachmentStore store = new AttachmentStore(tmp);
        StoredFile f = store.store("../../etc", "x", bytes("1"));
        assertThat(f.path()).isEqualTo(tmp.resolve("etc").resolve("x"));
    }

    @Test
    void hashesSizeAndMagicMatchAnIndependentComputation() throws Exception {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        data[0] = '%';
        data[1] = 'P';
        data[2] = 'D';
        data[3] = 'F';
        data[4] = '-';
        StoredFile f = new AttachmentStore(tmp).store("m", "d.pdf", new ByteArrayInputStream(data));

        assertThat(f.size()).isEqualTo(data.length);
        assertThat(f.md5()).isEqualTo(hex("MD5", data));
        assertThat(f.sha1()).isEqualTo(hex("SHA-1", data));
        assertThat(f.sha256()).isEqualTo(hex("SHA-256", data));
        assertThat(f.magic()).isEqualTo("pdf");
        assertThat(Files.readAllBytes(f.path())).isEqualTo(data);
    }

    @Test
    void knownConstantHashes() throws Exception {
        StoredFile f = new AttachmentStore(tmp).store("m", "abc", bytes("abc"));
        assertThat(f.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(f.sha1()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(f.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(f.magic()).isEqualTo("text");
    }

    @Test
    void concurrentWritersOfOneNameAllSurvive() throws Exception {
        AttachmentStore store = new AttachmentStore(tmp);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredFile>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String content = "content-" + i;
                futures.add(pool.submit(() -> store.store("m", "same.exe", bytes(content))));
            }
            Set<String> contents = new HashSet<>();
            for (Future<StoredFile> f : futures) {
                contents.add(Files.readString(f.get().path()));
            }
            assertThat(contents).hasSize(40);
        } finally {
            pool.shutdown();
        }
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    @Test
    void aFailingSourceLeavesNoHalfWrittenFile() throws Exception {
        AttachmentStore store = new AttachmentStore(tmp);
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10) {
                    throw new IOException("disk gone");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.store("m", "f.bin", failing))
                .isInstanceOf(IOException.class);
        try (Stream<Path> s = Files.list(tmp.resolve("m"))) {
            assertThat(s).isEmpty();
        }
    }
}
