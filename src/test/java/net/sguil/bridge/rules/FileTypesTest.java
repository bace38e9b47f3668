package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

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
}
