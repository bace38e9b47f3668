package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mangled messages: analysis always returns, and everything it writes stays in the output directory. */
class HostileMessageTest {
    private static final Instant T = Instant.EPOCH;
    private static final String PUNCTUATION = "\r\n-=:;\"\\ ";

    @TempDir
    Path tmp;

    @Test
    void mutatedMessagesNeverThrow() throws Exception {
        byte[] base = nestedSample();
        Random r = new Random(20260601);
        Weirds weirds = new Weirds();
        MessageAnalyzer analyzer = new MessageAnalyzer(MimeLimits.defaults(), weirds);
        AttachmentStore store = new AttachmentStore(tmp.resolve("out"));
        Path file = tmp.resolve("m.eml");
        for (int round = 0; round < 300; round++) {
            byte[] m = mutate(base, r);
            Files.write(file, m);
            StoredAnalysis result = StoredAnalysis.analyze(analyzer, file, false, store, "r" + round);
            assertThat(result.skeletonText()).startsWith("Content-type: ");
            for (StoredAnalysis.Attachment a : result.attachments()) {
                Path real = Path.of(a.getStored()).toRealPath(LinkOption.NOFOLLOW_LINKS);
                assertThat(real.startsWith(tmp.resolve("out").toRealPath())).isTrue();
            }
        }
    }

    @Test
    void aHeaderLineJustUnderTheBlockLimitIsParsed() throws Exception {
        Path file = TestMail.message().lines("X-Big: " + "B".repeat(250_000), "Subject: after", "",
                "body").writeTo(tmp.resolve("m.eml"));
        Weirds weirds = new Weirds();
        StoredAnalysis m = StoredAnalysis.analyze(new MessageAnalyzer(MimeLimits.defaults(), weirds), file, false,
                new AttachmentStore(tmp.resolve("out")), "m");
        assertThat(m.message().subject()).isEqualTo("after");
        assertThat(weirds.get("mime.long_header_line")).isEqualTo(1);
    }

    @Test
    void concurrentAnalysesIntoOneDirectoryKeepEveryFile() throws Exception {
        Path file = Files.write(tmp.resolve("m.eml"), MessageAnalyzerTest.invoice().bytes());
        MessageAnalyzer analyzer = new MessageAnalyzer(MimeLimits.defaults(), new Weirds());
        AttachmentStore store = new AttachmentStore(tmp.resolve("out"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredAnalysis>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> StoredAnalysis.analyze(analyzer, file, false, store, "same")));
            }
            List<String> stored = new ArrayList<>();
            for (Future<StoredAnalysis> f : futures) {
                StoredAnalysis.Attachment a = f.get().attachments().get(0);
                assertThat(a.getSha256()).isEqualTo(MessageAnalyzerTest.hex("SHA-256", MessageAnalyzerTest.PE));
                assertThat(Files.readAllBytes(Path.of(a.getStored()))).isEqualTo(MessageAnalyzerTest.PE);
                stored.add(a.getStored());
            }
            assertThat(stored).doesNotHaveDuplicates().hasSize(16);
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] nestedSample() {
        return TestMail.message().lines(
                "Subject: =?UTF-8?B?w6k=?=",
                "Content-Type: multipart/mixed; boundary=\"a\"",
                "",
                "--a",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "hello=20world",
                "begin 644 x.bin",
                "#86)C",
                "`",
                "end",
                "--a",
                "Content-Type: message/rfc822",
                "",
                "Content-Type: multipart/alternative; boundary=b",
                "",
                "--b",
                "Content-Type: application/pdf; name*=UTF-8''%E2%82%AC.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBERi0xLjQK",
                "--b--",
                "--a",
                "Content-Type: application/octet-stream",
                "Content-Transfer-Encoding: x-uuencode",
                "",
                "begin 600 y.bin",
                "#86)C",
                "`",
                "end",
                "--a--").bytes();
    }

    private static byte[] mutate(byte[] base, Random r) {
        byte[] m = base.clone();
        switch (r.nextInt(4)) {
            case 0:
                return Arrays.copyOf(m, r.nextInt(m.length));
            case 1:
                for (int i = 0; i < 1 + r.nextInt(20); i++) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
                return m;
            case 2:
                for (int i = 0; i < 1 + r.nextInt(20); i++) {
                    m[r.nextInt(m.length)] = (byte) PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
                }
                return m;
            default:
                int cut = r.nextInt(m.length);
                byte[] dup = new byte[m.length + cut];
                System.arraycopy(m, 0, dup, 0, cut);
                System.arraycopy(m, 0, dup, cut, m.length);
                return dup;
        }
    }
}
