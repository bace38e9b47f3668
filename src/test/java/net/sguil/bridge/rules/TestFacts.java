package net.sguil.bridge.rules;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.sguil.bridge.facts.AttachedFile;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.FileContent;
import net.sguil.bridge.facts.MessageInfo;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.facts.SguilAlert;

/** Fact factories for rule tests. */
final class TestFacts {
    static final Instant DAY0 = Instant.parse("2006-06-01T00:00:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private TestFacts() {
    }

    static Instant day(int n) {
        return DAY0.plusSeconds(86_400L * n);
    }

    static SguilAlert alert(String signature, Instant at) {
        return new SguilAlert(1, IDS.incrementAndGet(), "s1", signature, 1, 2001, 3, at, 2, "attempted-recon", 0,
                "198.51.100.7", "10.0.0.5", 40000, 80, 6);
    }

    static SancpSession session(String src, String dst, int dstPort, long srcBytes, long dstBytes, Instant start) {
        return new SancpSession(1, IDS.incrementAndGet(), "s1", start, start.plusSeconds(10), 10, 6, src, dst,
                50000, dstPort, 10, srcBytes, 10, dstBytes, 27, 27);
    }

    static Attachment attachment(String filename, String magic, String sha256, String md5, String state, Instant at) {
        SessionInfo s = new SessionInfo("case.pcap", "10.0.0.9", 41000, "10.0.0.25", 25, at.minusSeconds(5), at);
        MessageInfo m = new MessageInfo("eve@example.org", List.of("bob@example.com", "carol@example.com"),
                "Your invoice", "<1@example.org>", "Thu, 1 Jun 2006 10:00:00 +0000", "Eve <eve@example.org>",
                "bob@example.com");
        FileContent content = new FileContent(4096, md5, "0123456789abcdef0123456789abcdef01234567", sha256, magic,
                "application/octet-stream");
        return new Attachment(s, m, new AttachedFile(filename, "application/pdf", content, "/var/lib/x/" + sha256,
                state, "", "1", 0), at);
    }
}
