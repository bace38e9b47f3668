package net.sguil.bridge.pcap;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens a capture file of any supported format, chosen by its magic number, never by its name. */
public final class CaptureFiles {
    /** Large enough for the biggest record accepted plus its header; big reads keep the syscall count low. */
    private static final int BUFFER = 1 << 20;
    private static final int GZIP_BUFFER = 1 << 16;

    private CaptureFiles() {
    }

    /**
     * Classic pcap, pcapng, or either compressed with gzip.
     *
     * @throws CaptureFormatException if the file is none of these (the message is one line, naming why)
     */
    public static PacketSource open(Path file) throws IOException {
        long size = Files.size(file);
        FileInputStream fis = new FileInputStream(file.toFile());
        try {
            byte[] head = fis.readNBytes(2);
            fis.getChannel().position(0);
            CountingInputStream counter = new CountingInputStream(fis);
            boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            InputStream stream = gzip ? gunzip(counter) : counter;
            RecordInput in = new RecordInput(stream, BUFFER);
            if (!in.require(4)) {
                throw new CaptureFormatException(in.buffered() == 0 ? (gzip ? "gzip file holds no data" : "empty file")
                        : "too short for a capture file (" + in.buffered() + " bytes)");
            }
            int magic = in.i32(0, true);
            if (magic == PcapngFileSource.SHB) {
                return new PcapngFileSource(in, counter, size);
            }
            if (PcapFileSource.isMagic(magic)) {
                return new PcapFileSource(in, counter, size, magic);
            }
            throw new CaptureFormatException(String.format("%snot a pcap or pcapng file (starts with 0x%08x)",
                    gzip ? "gzip-compressed, but " : "", magic));
        } catch (IOException | RuntimeException e) {
            fis.close();
            throw e;
        }
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, GZIP_BUFFER);
        } catch (ZipException | java.io.EOFException e) {
            throw new CaptureFormatException("damaged gzip header: " + e.getMessage());
        }
    }
}
