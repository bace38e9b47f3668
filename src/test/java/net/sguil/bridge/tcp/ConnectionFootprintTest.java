package net.sguil.bridge.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;

/**
 * What a connection that never carries payload costs (issue 11: well under 300 bytes): the heap
 * after garbage collection with 100,000 SYN-only connections tracked, less the heap before, per
 * connection. Also that the budget is charged at least that much for each.
 */
class ConnectionFootprintTest {
    private static final int CONNECTIONS = 100_000;

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aSynOnlyConnectionCostsWellUnder300BytesAndIsChargedAtLeastThat() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryBudget budget = MemoryBudget.unlimited();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), new Weirds(), c -> null, budget);
        TcpSegment s = new TcpSegment();
        s.ipVersion = 4;
        s.flags = TcpSegment.SYN;
        s.dst[0] = (byte) 192;
        s.dst[1] = (byte) 168;
        s.dstPort = 25;
        s.data = new byte[0];
        s.timestampNanos = 1_000_000_000L;
        long before = usedAfterGc(memory);
        for (int i = 0; i < CONNECTIONS; i++) {
            s.src[0] = 10;
            s.src[1] = (byte) (i >> 16);
            s.src[2] = (byte) (i >> 8);
            s.src[3] = (byte) i;
            s.srcPort = 1024 + i % 50_000;
            s.seq = i * 7919;
            r.onSegment(s);
        }
        long after = usedAfterGc(memory);
        assertThat(r.openConnections()).isEqualTo(CONNECTIONS);
        double perConnection = (after - before) / (double) CONNECTIONS;
        System.out.printf("heap per SYN-only connection: %.0f bytes (charged %d)%n", perConnection,
                budget.used() / CONNECTIONS);
        assertThat(perConnection).isLessThan(300);
        assertThat((double) budget.used() / CONNECTIONS).isGreaterThanOrEqualTo(perConnection);
        r.finish();
    }
}
