package net.sguil.bridge.sguil.agent;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.sguil.bridge.sguil.Ipv4;
import net.sguil.bridge.sguil.StorableEvent;

/**
 * Turns a {@link StorableEvent} into sguild's {@code GenericEvent} line (SGUIL.md section 3,
 * "GenericEvent fields"). Every value is already one sguild stores as it is; what is left here is
 * the wire form: hex for the free text, the timestamp braced, empty ports for protocols without.
 */
public final class SguildEventEncoder {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SguildEventEncoder() {
    }

    /** The whole line, {@code GenericEvent} and its 18 fields, without the line end. */
    public static String encode(StorableEvent ev, AgentInfo agent, long cid) {
        List<String> line = new ArrayList<>(19);
        line.add("GenericEvent");
        line.addAll(fields(ev, agent, cid));
        return TclList.encode(line);
    }

    /** The 18 fields in wire order. */
    public static List<String> fields(StorableEvent ev, AgentInfo agent, long cid) {
        List<String> f = new ArrayList<>(18);
        f.add("0");
        f.add(Integer.toString(ev.priority()));
        f.add(ev.sigClass());
        f.add(agent.sensorName());
        f.add(TIMESTAMP.format(ev.timestamp()));
        f.add(Long.toString(agent.sid()));
        f.add(Long.toString(cid));
        f.add(Long.toString(ev.refId()));
        f.add(HexFormat.of().formatHex(ev.signature().getBytes(StandardCharsets.US_ASCII)));
        f.add(Ipv4.toDotted(ev.srcIp()));
        f.add(Ipv4.toDotted(ev.dstIp()));
        f.add(Integer.toString(ev.ipProto()));
        f.add(ev.hasPorts() ? Integer.toString(ev.srcPort()) : "");
        f.add(ev.hasPorts() ? Integer.toString(ev.dstPort()) : "");
        f.add(Long.toString(ev.generatorId()));
        f.add(Long.toString(ev.signatureId()));
        f.add(Long.toString(ev.revision()));
        f.add(ev.hexDetail());
        return f;
    }
}
