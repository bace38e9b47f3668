package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.CaptureFormatException;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;

/**
 * The capture file readers (classic pcap in every variant, pcapng, either gzip-compressed), opened
 * through {@link CaptureFiles} on a file holding the fuzz data. Byte 0 bit 0: gzip the rest first, so
 * the fuzzer reaches the readers behind a sound compressed stream (with bit 0 clear a gzip file can
 * still come in raw, damaged in any way).
 *
 * <p>A file that is no capture is refused at open with {@link CaptureFormatException}; anything else
 * escaping is a finding. Invariants: every packet lies within the data read, is no larger than the
 * biggest record accepted, never claims a wire length below its captured length; once reading has
 * stopped it stays stopped; and an uncompressed file read to its end without a stated truncation was
 * consumed whole (nothing is silently left unread).
 */
class PcapReaderFuzzTest {
    private static final int MAX_CAPLEN = 256 * 1024;
    private static final Path FILE = Fuzzing.scratchDirectory("pcapfuzz").resolve("capture");

    static {
        FILE.toFile().deleteOnExit();
    }

    @FuzzTest
    void readCapture(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        boolean gzip = (input[0] & 1) != 0;
        byte[] body = java.util.Arrays.copyOfRange(input, 1, input.length);
        Files.write(FILE, gzip ? gzip(body) : body);
        boolean compressed = gzip || body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        PacketSource source;
        try {
            source = CaptureFiles.open(FILE);
        } catch (CaptureFormatException notACapture) {
            return;
        }
        try (source) {
            RawPacket p = new RawPacket();
            long bytes = 0;
            while (source.next(p)) {
                check(p.capturedLength >= 0 && p.capturedLength <= MAX_CAPLEN, "captured length " + p.capturedLength);
                check(p.data != null && p.capturedLength <= p.data.length, "packet outside its buffer");
                check(p.originalLength >= p.capturedLength, "wire length " + p.originalLength + " below "
                        + p.capturedLength);
                bytes += p.capturedLength;
                check(compressed || bytes <= body.length, "more packet bytes than the file has");
            }
            String why = source.truncation();
            check(!source.next(p), "a packet after the end");
            check(java.util.Objects.equals(why, source.truncation()), "the stop reason changed");
            check(source.bytesConsumed() <= source.fileSize(), "read " + source.bytesConsumed() + " of "
                    + source.fileSize() + " bytes");
            check(compressed || why != null || source.bytesConsumed() == body.length,
                    "clean end after " + source.bytesConsumed() + " of " + body.length + " bytes");
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 2 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
