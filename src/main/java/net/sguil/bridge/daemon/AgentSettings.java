package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.SguildTrust;

/** The {@code sguild.*} keys of the configuration as the agent client's settings. */
final class AgentSettings {
    private AgentSettings() {
    }

    static AgentConfig from(BridgeConfig c) throws ConfigException {
        String host = c.string("sguild.host").orElseThrow();
        return AgentConfig.builder()
                .host(host)
                .port((int) c.number("sguild.port", AgentConfig.DEFAULT_PORT, 1, 65535))
                .sensorName(c.string("sguild.sensor", "bridge"))
                .netName(c.string("sguild.net", "bridge"))
                .trust(trust(c))
                .build();
    }

    private static SguildTrust trust(BridgeConfig c) throws ConfigException {
        Optional<Path> cert = c.path("sguild.cert");
        Optional<String> fingerprint = c.string("sguild.fingerprint");
        boolean trustAll = c.flag("sguild.trust_all", false);
        if (trustAll) {
            return SguildTrust.trustAllInsecure();
        }
        if (fingerprint.isPresent()) {
            try {
                return SguildTrust.sha256Fingerprint(fingerprint.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(c.file().where("sguild.fingerprint") + ": " + e.getMessage());
            }
        }
        if (cert.isPresent()) {
            try {
                return SguildTrust.pemCertificate(cert.get());
            } catch (IOException e) {
                throw new ConfigException(c.file().where("sguild.cert") + ": cannot read the certificate: "
                        + e.getMessage());
            }
        }
        throw new ConfigException(c.file().path() + ": sguild.host is set but neither sguild.cert nor "
                + "sguild.fingerprint says which certificate to trust (sguild.trust_all = true for a lab only)");
    }
}
