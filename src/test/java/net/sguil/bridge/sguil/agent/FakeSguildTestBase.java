package net.sguil.bridge.sguil.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link FakeSguild} for each test, and the agent configuration that trusts it by fingerprint. */
public abstract class FakeSguildTestBase {
    protected TestCertificate cert;
    protected FakeSguild fake;

    @BeforeEach
    void startFake() throws Exception {
        cert = TestCertificate.get();
        fake = new FakeSguild(cert).start();
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }

    protected AgentConfig.Builder pinned() {
        return AgentTestSupport.config(fake.port(), SguildTrust.sha256Fingerprint(cert.sha256()));
    }
}
