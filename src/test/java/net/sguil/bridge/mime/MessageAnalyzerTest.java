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
import net.sguil.bridge.testpcap.SampleFiles;
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
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename)
                .containsExactly("inner.eml", "deep.zip", "part-1.2.bin");
        StoredAnalysis.Attachment attached = m.attachments().get(0);
        assertThat(attached.getContentType()).isEqualTo("message/rfc822");
        assertThat(Files.readString(Path.of(attached.getStored()))).startsWith("Subject: inner\r\n")
                .endsWith("--inner--");
        assertThat(attached.getDepth()).isZero();
        assertThat(attached.getParent()).isEqualTo(-1);
        assertThat(m.attachments().get(1).getMagic()).isEqualTo("zip");
        assertThat(m.attachments().subList(1, 3)).allSatisfy(a -> {
            assertThat(a.getDepth()).isEqualTo(1);
            assertThat(a.getParent()).isZero();
        });
        assertThat(m.skeletonText()).contains("    Content-type: message/rfc822\n"
                + "    Effective-type: message/rfc822\n"
                + "    Body-file: " + out.resolve("msg-1/inner.eml") + "\n"
                + "    Num-parts: 1\n"
                + "    --\n"
                + "        Content-type: multipart/mixed\n"
                + "        Effective-type: multipart/mixed\n"
                + "        Body-file: NONE\n"
                + "        Subject: inner\n"
                + "        Num-parts: 2\n");
    }

    @Test
    void belowTheDepthLimitTheInnermostLeafIsStillExtracted() throws Exception {
        TestMail mail = TestMail.message();
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            mail.lines("Content-Type: multipart/mixed; boundary=b" + i, "", "--b" + i);
        }
        mail.lines("Content-Type: application/octet-stream; name=core.exe", "Content-Transfer-Encoding: base64", "")
                .raw(TestMail.base64(PE)).lines("");
        for (int i = depth - 1; i >= 0; i--) {
            mail.lines("--b" + i + "--");
        }
        StoredAnalysis m = analyze(mail);

        assertThat(weirds.get("mime.depth_exceeded")).isEqualTo(1);
        assertThat(m.incomplete()).isEqualTo("mime.depth_exceeded");
        assertThat(m.truncated()).isFalse();
        assertThat(m.attachments()).hasSize(1);
        StoredAnalysis.Attachment core = m.attachments().get(0);
        assertThat(core.getFilename()).isEqualTo("core.exe");
        assertThat(core.getSha256()).isEqualTo(hex("SHA-256", PE));
        assertThat(core.getState()).isEqualTo(StoredAnalysis.COMPLETE);
        assertThat(core.getIncomplete()).isNull();
        MimeEntity e = m.skeleton();
        for (int i = 0; i < MimeLimits.defaults().maxDepth(); i++) {
            assertThat(e.parts()).hasSize(1);
            e = e.parts().get(0);
        }
        assertThat(e.contentType()).isEqualTo("multipart/mixed");
        assertThat(e.parts()).singleElement().satisfies(leaf -> assertThat(leaf.recommendedFilename()).isEqualTo("core.exe"));
    }

    @Test
    void belowTheDepthLimitSiblingsAndClosedMultipartsAreTold() throws Exception {
        TestMail mail = TestMail.message().lines("Content-Type: multipart/mixed; boundary=top", "", "--top",
                "Content-Type: multipart/mixed; boundary=mid", "", "--mid",
                "Content-Type: multipart/mixed; boundary=low", "", "--low",
                "Content-Type: text/plain; name=a.txt", "", "first", "--low",
                "Content-Type: text/plain; name=b.txt", "", "second", "--low--", "--mid",
                "Content-Type: application/pdf; name=c.pdf", "", "%PDF-1.4", "--mid--", "--top",
                "Content-Type: message/rfc822", "", "Subject: inside", "Content-Type: application/zip; name=d.zip",
                "", "PK", "--top--");
        StoredAnalysis m = analyze(mail, false, MimeLimits.defaults().withMaxDepth(1));

        assertThat(m.incomplete()).isEqualTo("mime.depth_exceeded");
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename)
                .containsExactly("a.txt", "b.txt", "c.pdf", "inside.eml", "d.zip");
        assertThat(content(m, 0)).isEqualTo("first".getBytes(StandardCharsets.US_ASCII));
        assertThat(content(m, 1)).isEqualTo("second".getBytes(StandardCharsets.US_ASCII));
        assertThat(content(m, 2)).isEqualTo("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertThat(content(m, 4)).isEqualTo("PK".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.attachments().get(4).getDepth()).isEqualTo(1);
        assertThat(m.attachments().get(4).getParent()).isEqualTo(3);
    }

    @Test
    void deeplyNestedMessagesAreEachStoredDownToTheLimit() throws Exception {
        TestMail mail = TestMail.message();
        for (int i = 0; i < 1000; i++) {
            mail.lines("Content-Type: message/rfc822", "");
        }
        mail.lines("Subject: bottom", "Content-Type: application/octet-stream; name=bottom.exe", "", "MZ");
        StoredAnalysis m = analyze(mail, false, MimeLimits.defaults().withMaxDepth(5));
        assertThat(weirds.get("mime.depth_exceeded")).isEqualTo(1);
        assertThat(m.incomplete()).isEqualTo("mime.depth_exceeded");
        assertThat(m.attachments()).hasSize(7);
        for (int i = 0; i < 6; i++) {
            StoredAnalysis.Attachment a = m.attachments().get(i);
            assertThat(a.getContentType()).isEqualTo("message/rfc822");
            assertThat(a.getDepth()).isEqualTo(i);
            assertThat(a.getParent()).isEqualTo(i - 1);
        }
        StoredAnalysis.Attachment bottom = m.attachments().get(6);
        assertThat(bottom.getFilename()).isEqualTo("bottom.exe");
        assertThat(content(m, 6)).isEqualTo("MZ\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(bottom.getDepth()).as("flattened below the limit").isEqualTo(6);
        assertThat(bottom.getParent()).isEqualTo(5);
    }

    @Test
    void attachedMessagesBeyondTheirByteBudgetAreWalkedButNotStored() throws Exception {
        TestMail mail = TestMail.message();
        for (int i = 0; i < 3; i++) {
            mail.lines("Content-Type: message/rfc822", "");
        }
        mail.lines("Content-Type: application/octet-stream; name=x.exe", "", "MZ" + "x".repeat(2000));
        StoredAnalysis m = analyze(mail, false, MimeLimits.defaults().withMaxAttachedMessageBytes(5000));
        assertThat(weirds.get("mime.attached_message_limit")).isEqualTo(1);
        assertThat(m.incomplete()).isEqualTo("mime.attached_message_limit");
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getContentType)
                .containsExactly("message/rfc822", "message/rfc822", "application/octet-stream");
        assertThat(m.attachments().get(2).getFilename()).isEqualTo("x.exe");
        assertThat(m.attachments().get(2).getParent()).as("the innermost message stored").isEqualTo(1);
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
    void aContentTypeOfParametersOnlyIsAnOctetStreamNeverItsParameter() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: boundary=\"test\"", "", "--test", "Content-Type: text/plain", "", "hi", "--test--"));
        assertThat(weirds.get("mime.bad_content_type")).isEqualTo(1);
        assertThat(m.skeleton().contentType()).isEqualTo("application/octet-stream");
        assertThat(m.attachments()).singleElement().satisfies(
                a -> assertThat(a.getContentType()).isEqualTo("application/octet-stream"));
    }

    @Test
    void aBase64LabelOnAPlainTextMessageIsIgnoredAndTheFileInsideFound() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=out", "", "--out",
                "Content-Type: message/rfc822; name=innocent.txt",
                "Content-Transfer-Encoding: base64", "",
                "Subject: inner", "Content-Type: multipart/mixed; boundary=in", "", "--in",
                "Content-Type: application/octet-stream; name=malware.exe", "Content-Transfer-Encoding: base64", "")
                .raw(TestMail.base64(PE)).lines("", "--in--", "--out--"));
        assertThat(weirds.get("mime.encoded_composite")).isEqualTo(1);
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename)
                .containsExactly("innocent.txt", "malware.exe");
        assertThat(content(m, 1)).isEqualTo(PE);
        assertThat(m.attachments()).allMatch(a -> a.getState().equals(StoredAnalysis.COMPLETE));
    }

    @Test
    void anAttachedMessageThatIsExactBase64IsWalkedDecoded() throws Exception {
        byte[] inner = TestMail.message().lines("Subject: wrapped", "Content-Type: multipart/mixed; boundary=in", "",
                "--in", "Content-Type: application/octet-stream; name=payload.exe", "Content-Transfer-Encoding: base64",
                "").raw(TestMail.base64(PE)).lines("", "--in--").bytes();
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: multipart/mixed; boundary=out", "", "--out",
                "Content-Type: message/rfc822", "Content-Transfer-Encoding: base64", "")
                .raw(TestMail.base64(inner)).lines("", "--out--"));
        assertThat(weirds.get("mime.encoded_composite")).isEqualTo(1);
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename)
                .containsExactly("wrapped.eml", "payload.exe");
        assertThat(content(m, 0)).isEqualTo(inner);
        assertThat(content(m, 1)).isEqualTo(PE);
    }

    @Test
    void encodedWordsAreDecodedInSubjectAddressesAndFileNames() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>",
                "To: \"=?utf-8?b?w4lsw6hu?=\" <elen@example.com>",
                "Subject: C=?ISO-8859-1?B?YW4=?==?ISO-8859-1?Q?_you_read_this=3F?=",
                "Content-Type: application/octet-stream; name=\"=?utf-8?q?r=C3=A9sum=C3=A9?==?utf-8?q?.exe?=\"",
                "", "MZ"));
        assertThat(m.message().subject()).isEqualTo("Can you read this?");
        assertThat(m.message().from()).isEqualTo("André <andre@example.org>");
        assertThat(m.message().to()).isEqualTo("\"Élèn\" <elen@example.com>");
        assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.getFilename()).isEqualTo("résumé.exe"));
    }

    @Test
    void badQuotedPrintableIsKeptWholeAndFlagged() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Content-Type: application/octet-stream; name=q.bin", "Content-Transfer-Encoding: quoted-printable",
                "", "=ZZ early, and the rest =41 still here"));
        assertThat(content(m, 0)).isEqualTo("=ZZ early, and the rest A still here\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.attachments().get(0).getState()).isEqualTo(StoredAnalysis.TRUNCATED);
        assertThat(m.attachments().get(0).getIncomplete()).isEqualTo("mime.bad_quoted_printable");
        assertThat(weirds.get("mime.bad_quoted_printable")).isEqualTo(1);
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
    void anAbsurdlyLongHeaderLineIsSkippedAndTheStructureAfterItKept() throws Exception {
        StoredAnalysis m = analyze(TestMail.message().lines(
                "Subject: long",
                "X-Long: " + "A".repeat(2_000_000),
                "Content-Type: application/octet-stream; name=after.bin",
                "",
                "body"), false, MimeLimits.defaults());
        assertThat(weirds.get("mime.long_header_line")).isEqualTo(1);
        assertThat(m.incomplete()).isEqualTo("mime.long_header_line");
        assertThat(m.message().subject()).isEqualTo("long");
        assertThat(m.attachments()).extracting(StoredAnalysis.Attachment::getFilename).containsExactly("after.bin");
        assertThat(content(m, 0)).isEqualTo("body\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aHeaderBlockOverTheLimitIsSkippedToItsEndAndItsMimeFieldsStillRead() throws Exception {
        TestMail mail = TestMail.message().lines("Subject: padded");
        for (int i = 0; i < 4000; i++) {
            mail.lines("X-Pad-" + i + ": " + "p".repeat(80));
        }
        mail.lines("Content-Type: multipart/mixed; boundary=b", "", "--b",
                "Content-Type: application/octet-stream; name=hidden.exe", "Content-Transfer-Encoding: base64", "")
                .raw(TestMail.base64(PE)).lines("", "--b--");
        StoredAnalysis m = analyze(mail);
        assertThat(weirds.get("mime.header_block_too_large")).isEqualTo(1);
        assertThat(m.incomplete()).isEqualTo("mime.header_block_too_large");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.getFilename()).isEqualTo("hidden.exe");
            assertThat(a.getSha256()).isEqualTo(hex("SHA-256", PE));
            assertThat(a.getState()).isEqualTo(StoredAnalysis.COMPLETE);
        });
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
        assertThat(m.incomplete()).isEqualTo("mime.too_many_parts");
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
        assertThat(m.attachments().get(0).getIncomplete()).isEqualTo("mime.bad_base64");
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
        assertThat(a.getIncomplete()).isEqualTo("mime.attachment_size_limit");
        assertThat(m.incomplete()).as("the limit cut a file, not the message's structure").isNull();
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
        return SampleFiles.pe(b);
    }
}
