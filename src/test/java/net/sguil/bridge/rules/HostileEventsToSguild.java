package net.sguil.bridge.rules;

import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.delivery.EventValidator;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.AgentInfo;
import net.sguil.bridge.sguil.agent.EventReply;
import net.sguil.bridge.sguil.agent.SguildClient;
import net.sguil.bridge.sguil.agent.SguildEventEncoder;
import net.sguil.bridge.sguil.agent.SguildTrust;

/**
 * Sends the events the shipped rules conclude from {@link HostileFacts} to a real sguild, through
 * the bridge's own validator, encoder and agent client, so that the analyst console can be looked at (by hand;
 * not a test). With the harness of {@code ../shared/sguild} running:
 * <pre>
 * . bench/lib.sh && bench_build
 * java -cp "$(bench_classpath)" \
 *     net.sguil.bridge.rules.HostileEventsToSguild [SGUIL_RUN] [SENSOR_PORT]
 * </pre>
 * (defaults {@code $SGUIL_RUN}, {@code $SGUIL_SENSOR_PORT}); then {@code client.sh start},
 * {@code client.sh select N}, {@code client.sh shot FILE}.
 */
public final class HostileEventsToSguild {
    private HostileEventsToSguild() {
    }

    public static void main(String[] args) throws Exception {
        String run = args.length > 0 ? args[0] : System.getenv().getOrDefault("SGUIL_RUN", "/tmp/sguild-run");
        int port = Integer.parseInt(args.length > 1 ? args[1] : System.getenv().getOrDefault("SGUIL_SENSOR_PORT", "7736"));
        List<SguilEventOut> events = HostileFacts.events();
        AgentConfig config = AgentConfig.builder().host("127.0.0.1").port(port).sensorName("bridge-demo")
                .netName("BridgeNet").trust(SguildTrust.pemCertificate(Path.of(run, "certs", "cert.pem"))).build();
        try (SguildClient client = SguildClient.connect(config)) {
            AgentInfo agent = client.register();
            long cid = agent.maxCid();
            for (SguilEventOut e : events) {
                if (!(EventValidator.check(e) instanceof EventValidator.Storable s)) {
                    System.out.println("unstorable: " + e.getSignature());
                    continue;
                }
                cid++;
                EventReply reply = client.sendEvent(cid, SguildEventEncoder.encode(s.event(), agent, cid));
                System.out.println(agent.sid() + "." + cid + " " + reply.kind() + " " + e.getSignature());
            }
        }
    }
}
