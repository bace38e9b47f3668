package net.sguil.bridge.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.sguil.bridge.testpcap.SampleFiles;
import org.junit.jupiter.api.Test;

/** The short names rules use, from Tika's detection; the cases the hand-written detector had, kept. */
class FileTypeDetectorTest {

    private static String detect(byte[] b) {
        return FileTypeDetector.detect(b, b.length).magic();
    }

    private static String mimeType(byte[] b) {
        return FileTypeDetector.detect(b, b.length).mimeType();
    }

    private static String detect(String s) {
        return detect(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void executables() {
        byte[] pe = SampleFiles.pe(new byte[0x100]);
        assertThat(detect(pe)).isEqualTo("pe");
        pe[0x80] = 'N';
        assertThat(detect(pe)).isEqualTo("mz");
        byte[] farHeader = pe.clone();
        farHeader[0x3D] = 0x40; // e_lfanew 0x4080: beyond the bytes we see
        assertThat(detect(farHeader)).isEqualTo("mz");
        assertThat(detect("MZ")).isEqualTo("mz");
        assertThat(detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEqualTo("elf");
        assertThat(detect(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1))).isEqualTo("macho");
        assertThat(detect(bytes(0xFE, 0xED, 0xFA, 0xCE, 0, 0, 0, 7))).isEqualTo("macho");
        assertThat(detect(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2))).isEqualTo("macho");
        assertThat(detect(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52))).isEqualTo("data"); // a Java class file
    }

    @Test
    void documentsAndArchives() throws Exception {
        assertThat(detect("%PDF-1.7\n")).isEqualTo("pdf");
        assertThat(detect("junk junk %PDF-1.4\n")).isEqualTo("pdf");
        assertThat(detect(zip("word/document.xml", "[Content_Types].xml"))).isEqualTo("ooxml");
        assertThat(detect(zip("[Content_Types].xml"))).isEqualTo("ooxml");
        assertThat(detect(zip("readme.txt"))).isEqualTo("zip");
        assertThat(detect(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0))).isEqualTo("ole2");
        assertThat(detect(bytes('R', 'a', 'r', '!', 0x1A, 7, 0))).isEqualTo("rar");
        assertThat(detect(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4))).isEqualTo("7z");
        assertThat(detect(bytes(0x1F, 0x8B, 8, 0))).isEqualTo("gzip");
        assertThat(detect("BZh91AY&SY")).isEqualTo("bzip2");
        assertThat(detect(bytes(0xFD, '7', 'z', 'X', 'Z', 0, 0))).isEqualTo("xz");
        assertThat(detect(bytes('M', 'S', 'C', 'F', 0, 0, 0, 0, 1))).isEqualTo("cab");
        assertThat(detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo("png");
        assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("jpeg");
        assertThat(detect("GIF89a....")).isEqualTo("gif");
        assertThat(detect("{\\rtf1\\ansi")).isEqualTo("rtf");
    }

    @Test
    void textAndScripts() {
        assertThat(detect("  <!DOCTYPE html><html>")).isEqualTo("html");
        assertThat(detect("<HTML><body>hi")).isEqualTo("html");
        assertThat(detect("#!/bin/sh\nrm -rf /\n")).isEqualTo("script-sh");
        assertThat(detect("$c = New-Object System.Net.WebClient\n$c.DownloadFile($u, \"$env:TEMP\\a.exe\")"))
                .isEqualTo("script-ps1");
        assertThat(detect("Set sh = CreateObject(\"WScript.Shell\")\nsh.Run \"cmd\"\n")).isEqualTo("script-vbs");
        assertThat(detect("var x = new ActiveXObject(\"MSXML2.XMLHTTP\");")).isEqualTo("script-js");
        assertThat(detect("function go(a, b) { return a + b; }")).isEqualTo("script-js");
        assertThat(detect("@echo off\r\nstart \"\" %TEMP%\\x.exe\r\n")).isEqualTo("script-bat");
        assertThat(detect("Dear customer,\nplease find the invoice attached. Dim sum at 12?\n")).isEqualTo("text");
        assertThat(detect("We talked about PowerShell and functions (briefly) today.\n")).isEqualTo("text");
        assertThat(detect(new byte[] {1, 2, 0, 3})).isEqualTo("data");
        assertThat(detect(new byte[0])).isEqualTo("empty");
    }

    @Test
    void zeeksMimeTypeIsTikasAnswer() throws Exception {
        byte[] pe = SampleFiles.pe(new byte[0x100]);
        assertThat(mimeType(pe)).isEqualTo("application/x-msdownload; format=pe");
        assertThat(mimeType(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEqualTo("application/x-elf");
        assertThat(mimeType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(mimeType(zip("[Content_Types].xml"))).isEqualTo("application/x-tika-ooxml");
        assertThat(mimeType(zip("word/document.xml", "[Content_Types].xml"))).isEqualTo("application/x-tika-ooxml");
        byte[] tinyPe = new byte[0x100];
        tinyPe[0] = 'M';
        tinyPe[1] = 'Z';
        tinyPe[0x3C] = 0x40; // e_lfanew right after the DOS header, where Tika's magic does not look
        tinyPe[0x40] = 'P';
        tinyPe[0x41] = 'E';
        assertThat(mimeType(tinyPe)).isEqualTo("application/x-msdownload; format=pe");
        assertThat(detect(tinyPe)).isEqualTo("pe");
        assertThat(mimeType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo("image/png");
        assertThat(mimeType("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/x-sh");
        assertThat(mimeType("From: a@example.org\r\nSubject: x\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("message/rfc822");
        assertThat(mimeType(new byte[] {1, 2, 0, 3})).isEqualTo("application/octet-stream");
    }

    @Test
    void onlyTheHeadIsLookedAt() {
        byte[] late = new byte[FileTypeDetector.HEAD_SIZE + 16];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, late, FileTypeDetector.HEAD_SIZE, 5);
        assertThat(detect(late)).isEqualTo("data");
        assertThat(FileTypeDetector.detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 3).magic()).isEqualTo("text");
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
