package net.sguil.bridge.testpcap;

/** Files the tests put into messages, made here so that every test means the same thing by them. */
public final class SampleFiles {
    private SampleFiles() {
    }

    /**
     * {@code b} made a Windows PE executable as type detectors see one: {@code MZ}, e_lfanew 0x80,
     * and {@code PE\0\0} there; its other bytes stay as they are (so a test's hashes stay its own).
     */
    public static byte[] pe(byte[] b) {
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
