package net.sguil.bridge.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SafeFileNameTest {

    private static String safe(String declared) {
        return SafeFileName.of(declared, SafeFileName.DEFAULT_MAX_LENGTH).name();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/cron.d/x|x",
            "..\\..\\boot.ini|boot.ini",
            "/etc/passwd|passwd",
            ".bashrc|bashrc",
            "..|attachment",
            ".|attachment",
            "''|attachment",
            "CON|_CON",
            "con.txt|_con.txt",
            "LPT1.tar.gz|_LPT1.tar.gz",
            "-rf|rf",
            "invoice.pdf.exe|invoice.pdf.exe",
            "my file (1).doc|my_file_(1).doc",
            "a;rm -rf *|a_rm_-rf__",
            "name.|name",
            "c:\\windows\\evil.dll|evil.dll",
            "café.pdf|café.pdf",
    })
    void sanitizes(String declared, String expected) {
        assertThat(safe(declared)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndDirectionCharacters() {
        assertThat(safe("a\u0000b\nc\rd\te.exe")).isEqualTo("abcde.exe");
        assertThat(safe("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(safe(null)).isEqualTo("attachment");
    }

    @Test
    void boundsLengthInBytesAndKeepsExtension() {
        String longName = "x".repeat(10_000) + ".exe";
        assertThat(safe(longName)).hasSize(200).endsWith(".exe");
        String wide = "文".repeat(500) + ".pdf";
        String s = safe(wide);
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(s).endsWith(".pdf").startsWith("文文文");
        SafeFileName n = SafeFileName.of(longName, 200);
        assertThat(n.withSuffix(12345)).hasSize(200).endsWith("-12345.exe");
    }

    @Test
    void suffixGoesBeforeTheExtension() {
        SafeFileName n = SafeFileName.of("report.pdf", 200);
        assertThat(n.withSuffix(0)).isEqualTo("report.pdf");
        assertThat(n.withSuffix(2)).isEqualTo("report-2.pdf");
        assertThat(SafeFileName.of("README", 200).withSuffix(1)).isEqualTo("README-1");
    }
}
