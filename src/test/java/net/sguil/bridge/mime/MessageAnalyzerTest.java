package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageAnalyzerTest {
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
    static final byte[] PE = pe();

    @TempDir
    Path tmp;
    Path out;
    Weirds weirds;
    AttachmentStore store;

    @BeforeEach
    void setUp() throws Exception {
        out = tmp.resolve("out");
        store = new AttachmentStore(out);
        weirds = new Weirds();
    }

    StoredAnalysis analyze(TestMail mail) throws Exception {
        return analyze(mail, false, MimeLimits.defaults());
    }

    StoredAnalysis analyze(TestMail mail, boolean gap, MimeLimits limits) throws Exception {
        Path file = mail.writeTo(Files.createTempFile(tmp, "msg", ".eml"));
        return StoredAnalysis.analyze(new MessageAnalyzer(limits, weirds), file, gap, store, "msg-1");
    }

    static TestMail invoice() {
        return TestMail.message().lines(
                "From: a@example.com",
                "Subject: =?UTF-8?Q?Invoice_=E2=82=AC?=",
                "Message-ID: <1@example.com>",
                "Date: Mon, 1 Jun 2026 10:00:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"XX\"",
                "",
                "preamble",
                "--XX",
                "Content-Type: text/plain",
                "",
                "Please pay.",
                "--XX",
                "Content-Type: application/octet-stream; name=\"invoice.pdf.exe\"",
                "Content-Transfer-Encoding: base64",
                "").raw(TestMail.base64(PE)).lines("", "--XX--", "epilogue");
    }

    @Test
    void storesABase64AttachmentWithHashesAndMessageFacts() throws Exception {
        StoredAnalysis m = analyze(invoice());

        assertThat(m.message().subject()).isEqualTo("Invoice €");
        assertThat(m.message().messageId()).isEqualTo("<1@example.com>");
        assertThat(m.message().date()).isEqualTo("Mon, 1 Jun 2026 10:00:00 +0000");
        assertThat(m.truncated()).isFalse();
        assertThat(m.attachments()).hasSize(1);
        StoredAnalysis.Attachment a = m.attachments().get(0);
        assertThat(a.getFilename()).isEqualTo("invoice.pdf.exe");
        assertThat(a.getContentType()).isEqualTo("application/octet-stream");
        assertThat(a.getMagic()).isEqualTo("pe");
        assertThat(a.getSize()).isEqualTo(PE.length);
        assertThat(a.getMd5()).isEqualTo(hex("MD5", PE));
        assertThat(a.getSha1()).isEqualTo(hex("SHA-1", PE));
        assertThat(a.getSha256()).isEqualTo(hex("SHA-256", PE));
        assertThat(a.getState()).isEqualTo(StoredAnalysis.COMPLETE);
        assertThat(a.getStored()).isEqualTo(out.resolve("msg-1").resolve("invoice.pdf.exe").toString());
        assertThat(Files.readAllBytes(Path.of(a.getStored()))).isEqualTo(PE);
        assertThat(weirds.snapshot()).isEmpty();
    }

    @Test
    void skeletonMatchesTheGoldenText() throws Exception {
        StoredAnalysis m = analyze(invoice());
        assertThat(m.skeletonText()).isEqualTo(""
                + "Content-type: multipart/mixed\n"
                + "Effective-type: multipart/mixed\n"
                + "Body-file: NONE\n"
                + "Subject: Invoice €\n"
                + "Num-parts: 2\n"
                + "--\n"
                + "    Content-type: text/plain\n"
                + "    Effective-type: text/plain\n"
                + "    Body-file: NONE\n"
                + "    --\n"
                + "    Content-type: application/octet-stream\n"
                + "    Effective-type: application/octet-stream\n"
                + "    Body-file: " + out.resolve("msg-1/invoice.pdf.exe") + "\n"
                + "    Recommended-filename: invoice.pdf.exe\n"
                + "    --\n");
    }

    @Test
    void aGapMakesEveryAttachmentTruncated() throws Exception {
        StoredAnalysis m = analyze(invoice(), true, MimeLimits.defaults());
        assertThat(m.truncated()).isTrue();
        assertThat(m.attachments()).isNotEmpty().allMatch(a -> a.getState().equals(StoredAnalysis.TRUNCATED));
    }

    @Test
    void fileNamesFromRfc2231AndRfc2047() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment;",
                " filename*0*=UTF-8''%E2%82%AC%20Rechnung;",
                " filename*1=\" Juni\";",
                " filename*2*=%2Epdf",
                "",
                "%PDF-1.4",
                "--b",
                "Content-Type: application/octet-stream; name=\"=?UTF-8?B?w6lsw6h2ZS5leGU=?=\"",
                "",
                "x",
                "--b",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename=\"=?ISO-8859-1?Q?r=E9sum=E9.doc?=\"",
                "",
                "y",
                "--b",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename*=iso-8859-1'en'%E9t%E9.zip",
                "",
                "z",
                "--b",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename=my invoice [final].exe",
                "",
                "w",
                "--b",
                "Content-Type: image/png",
                "",
                "p",
                "--b--"));
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename).containsExactly(
                "€ Rechnung Juni.pdf", "élève.exe", "résumé.doc", "été.zip", "my invoice [final].exe", "part-6.bin");
        assertThat(m.attachments().get(0).getMagic()).isEqualTo("pdf");
        assertThat(Path.of(m.attachments().get(4).getStored()).getFileName().toString())
                .isEqualTo("my_invoice_[final].exe");
        assertThat(weirds.get("mime.bad_parameters")).isEqualTo(1);
    }

    @Test
    void decodesQuotedPrintableBinaryAndUuencode() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] uuPayload = "uuencoded payload, more than forty-five bytes long to need two lines\n"
                .getBytes(StandardCharsets.US_ASCII);
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain; name=a.txt",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "caf=C3=A9 =3D soft=",
                "break",
                "--b",
                "Content-Type: application/octet-stream; name=bin.dat",
                "Content-Transfer-Encoding: binary",
                "").raw(binary).lines(
                "",
                "--b",
                "Content-Type: application/octet-stream",
                "Content-Transfer-Encoding: x-uuencode",
                "").raw(TestMail.uuencode("from-begin.txt", uuPayload)).lines(
                "--b",
                "Content-Type: text/plain",
                "",
                "Hello, the file follows.",
                "").raw(TestMail.uuencode("inline.exe", PE)).lines(
                "Regards",
                "--b--"));

        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename)
                .containsExactly("a.txt", "bin.dat", "from-begin.txt", "inline.exe");
        assertThat(content(m, 0)).isEqualTo("café = softbreak".getBytes(StandardCharsets.UTF_8));
        assertThat(content(m, 1)).isEqualTo(binary);
        assertThat(content(m, 2)).isEqualTo(uuPayload);
        assertThat(content(m, 3)).isEqualTo(PE);
        assertThat(m.attachments().get(3).getMagic()).isEqualTo("pe");
        assertThat(m.attachments().get(3).getSha256()).isEqualTo(hex("SHA-256", PE));
        assertThat(m.attachments()).allMatch(a -> a.getState().equals(StoredAnalysis.COMPLETE));
        assertThat(m.skeletonText()).contains("        Content-type: application/octet-stream\n"
                + "        Effective-type: application/octet-stream\n"
                + "        Body-file: " + out.resolve("msg-1/inline.exe") + "\n"
                + "        Recommended-filename: inline.exe\n");
        assertThat(weirds.snapshot()).isEmpty();
    }

    @Test
    void walksNestedMessages() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Subject: outer",
                "Content-Type: multipart/mixed; boundary=outer",
                "",
                "--outer",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "Content-Type: multipart/mixed; boundary=inner",
                "",
                "--inner",
                "Content-Type: application/zip; name=deep.zip",
                "Content-Transfer-Encoding: base64",
                "",
                TestMail.base64("PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1)),
                "--inner",
                "Content-Type: application/octet-stream",
                "",
                "nameless",
                "--inner--",
                "--outer--"));

        assertThat(m.message().subject()).isEqualTo("outer");
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename).containsExactly("deep.zip", "part-1.2.bin");
        assertThat(m.attachments().get(0).getMagic()).isEqualTo("zip");
        assertThat(m.skeletonText()).contains("    Content-type: message/rfc822\n"
                + "    Effective-type: message/rfc822\n"
                + "    Body-file: NONE\n"
                + "    Num-parts: 1\n"
                + "    --\n"
                + "        Content-type: multipart/mixed\n"
                + "        Effective-type: multipart/mixed\n"
                + "        Body-file: NONE\n"
                + "        Subject: inner\n"
                + "        Num-parts: 2\n");
    }

    @Test
    void depthBeyondTheLimitIsKeptAsOneOpaqueAttachment() throws Exception {
        TestMail mail = TestMail.message();
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            mail.lines("Content-Type: multipart/mixed; boundary=b" + i, "", "--b" + i);
        }
        mail.lines("Content-Type: application/octet-stream; name=core.exe", "", "MZ");
        for (int i = depth - 1; i >= 0; i--) {
            mail.lines("--b" + i + "--");
        }
        StoredAnalysis m = analyze(mail);

        assertThat(weirds.get("mime.depth_exceeded")).isEqualTo(1);
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.attachments().get(0).getFilename()).isEqualTo("part-1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.bin");
        assertThat(Files.readString(Path.of(m.attachments().get(0).getStored()))).startsWith("--b20\r\n");
        MimeEntity e = m.skeleton();
        for (int i = 0; i < 20; i++) {
            assertThat(e.parts()).hasSize(1);
            e = e.parts().get(0);
        }
        assertThat(e.contentType()).isEqualTo("multipart/mixed");
        assertThat(e.effectiveType()).isEqualTo("application/octet-stream");
        assertThat(e.parts()).isEmpty();
    }

    @Test
    void deeplyNestedMessagesStopAtTheLimitToo() throws Exception {
        TestMail mail = TestMail.message();
        for (int i = 0; i < 1000; i++) {
            mail.lines("Content-Type: message/rfc822", "");
        }
        mail.lines("Subject: bottom", "", "body");
        StoredAnalysis m = analyze(mail, false, MimeLimits.defaults().withMaxDepth(5));
        assertThat(weirds.get("mime.depth_exceeded")).isEqualTo(1);
        assertThat(m.attachments()).hasSize(1);
    }

    @Test
    void missingFinalBoundaryKeepsTheLastPart() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=b", "", "--b",
                "Content-Type: application/pdf; name=cut.pdf", "", "%PDF-1.4 and then the connection died"));
        assertThat(weirds.get("mime.missing_final_boundary")).isEqualTo(1);
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename).containsExactly("cut.pdf");
        assertThat(content(m, 0)).isEqualTo("%PDF-1.4 and then the connection died\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void missingBoundaryParameterMakesTheBodyOpaque() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed", "", "--b", "Content-Type: text/plain", "", "hi", "--b--"));
        assertThat(weirds.get("mime.missing_boundary")).isEqualTo(1);
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.skeleton().effectiveType()).isEqualTo("application/octet-stream");
    }

    @Test
    void headerWithoutColonNulBytesAndGarbageEncodingStillGiveAResult() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Subject: nul\u0000inside",
                "this line has no colon",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: application/octet-stream; name=\"a\u0000b.exe\"",
                "Content-Transfer-Encoding: x-garbage-\u0001",
                "",
                "MZ\u0000\u0000",
                "--b--"));
        assertThat(weirds.get("mime.header_no_colon")).isEqualTo(1);
        assertThat(weirds.get("mime.unknown_encoding")).isEqualTo(1);
        assertThat(m.attachments()).hasSize(1);
        assertThat(content(m, 0)).isEqualTo("MZ\u0000\u0000".getBytes(StandardCharsets.US_ASCII));
        assertThat(Path.of(m.attachments().get(0).getStored()).getFileName().toString()).isEqualTo("ab.exe");
        assertThat(m.skeletonText()).contains("Subject: nul\\u0000inside\n")
                .contains("Recommended-filename: a\\u0000b.exe\n");
    }

    @Test
    void multipartWithoutAnyDelimiterIsKeptOpaque() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=nothere", "", "just text, no parts"));
        assertThat(weirds.get("mime.no_parts")).isEqualTo(1);
        assertThat(m.attachments()).hasSize(1);
        assertThat(content(m, 0)).isEqualTo("just text, no parts\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void unparseableContentTypeIsKeptAsOpaqueAttachment() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: ???; x", "", "MZ"));
        assertThat(weirds.get("mime.bad_content_type")).isEqualTo(1);
        assertThat(m.skeleton().effectiveType()).isEqualTo("application/octet-stream");
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename).containsExactly("part-1.bin");
    }

    @Test
    void headersWithoutBodyAndEmptyFilesGiveAResult() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().raw("Subject: only headers"));
        assertThat(m.message().subject()).isEqualTo("only headers");
        assertThat(m.attachments()).isEmpty();
        StoredAnalysis empty = analyze(TestMail.message());
        assertThat(empty.skeletonText()).isEqualTo(
                "Content-type: text/plain\nEffective-type: text/plain\nBody-file: NONE\n--\n");
    }

    @Test
    void anAbsurdlyLongHeaderIsCutAndTheRestTakenAsBody() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Subject: long",
                "X-Long: " + "A".repeat(2_000_000),
                "Content-Type: application/octet-stream",
                "",
                "body"), false, MimeLimits.defaults());
        assertThat(weirds.get("mime.header_block_too_large")).isEqualTo(1);
        assertThat(m.message().subject()).isEqualTo("long");
        // the Content-Type after the cut is body text now: the entity is the default text/plain body
        assertThat(m.skeleton().contentType()).isEqualTo("text/plain");
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void tenThousandPartsStopAtThePartLimit() throws Exception {
        TestMail mail = TestMail.message().lines("Content-Type: multipart/mixed; boundary=b", "");
        for (int i = 0; i < 10_000; i++) {
            mail.lines("--b", "Content-Type: application/octet-stream; name=p" + i + ".bin", "", "x");
        }
        mail.lines("--b--");
        StoredAnalysis m = analyze(mail);
        assertThat(weirds.get("mime.too_many_parts")).isEqualTo(1);
        assertThat(m.truncated()).isTrue();
        assertThat(m.attachments()).hasSize(999); // the multipart itself is one of the 1000 entities
        try (var files = Files.list(out.resolve("msg-1"))) {
            assertThat(files.count()).isEqualTo(999);
        }
    }

    @Test
    void brokenBase64IsDecodedAsFarAsPossibleAndMarkedTruncated() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: application/octet-stream; name=b.bin",
                "Content-Transfer-Encoding: base64",
                "",
                "QUJD!!!REVG",
                "R"));
        assertThat(weirds.get("mime.bad_base64")).isEqualTo(1);
        assertThat(content(m, 0)).isEqualTo("ABCDEF".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.attachments().get(0).getState()).isEqualTo(StoredAnalysis.TRUNCATED);
    }

    @Test
    void sizeLimitCutsAndMarksTruncated() throws Exception {
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: application/octet-stream; name=big.bin",
                "Content-Transfer-Encoding: base64",
                "").raw(TestMail.base64(data)), false, MimeLimits.defaults().withMaxStoredSize(1000));
        StoredAnalysis.Attachment a = m.attachments().get(0);
        assertThat(a.getSize()).isEqualTo(1000);
        assertThat(a.getState()).isEqualTo(StoredAnalysis.TRUNCATED);
        assertThat(a.getSha1()).isEqualTo(hex("SHA-1", Arrays.copyOf(data, 1000)));
        assertThat(weirds.get("mime.attachment_size_limit")).isEqualTo(1);
    }

    @Test
    void bareLineFeedsWork() throws Exception {
        String msg = new String(invoice().bytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        StoredAnalysis m = analyze(TestMail.message().raw(msg.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(m.attachments()).hasSize(1);
        assertThat(content(m, 0)).isEqualTo(PE);
    }

    private static byte[] content(StoredAnalysis m, int i) throws Exception {
        return Files.readAllBytes(Path.of(m.attachments().get(i).getStored()));
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    private static byte[] pe() {
        byte[] b = new byte[1024];
        new Random(3).nextBytes(b);
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x3D] = 0;
        b[0x3E] = 0;
        b[0x3F] = 0;
        b[0x80] = 'P';
        b[0x81] = 'E';
        b[0x82] = 0;
        b[0x83] = 0;
        return b;
    }
}
