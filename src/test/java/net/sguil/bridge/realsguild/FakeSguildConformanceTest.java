package net.sguil.bridge.realsguild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent-protocol test server of the unit tests ({@link FakeSguild}) answers every probe of
 * {@link ProtocolProbe} exactly as the genuine sguild does, also with a dead database handle. Both transcripts are kept under
 * {@code target/realsguild/FakeSguildConformanceTest/} for a diff.
 */
class FakeSguildConformanceTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @Test
    void theFakeAnswersEveryProbeAsTheGenuineSguild() throws Exception {
        List<String> real = ProtocolProbe.transcript(SGUILD.harness().sensorPort(), SGUILD.harness().certificate());
        List<String> imitation;
        try (FakeSguild fake = new FakeSguild(TestCertificate.get()).start()) {
            imitation = ProtocolProbe.transcript(fake.port(), TestCertificate.get().pem());
        }
        compare("", real, imitation);
    }

    /** The dead database handle: sguild's MariaDB restarted under it, and FakeSguild's {@code databaseGone()}. */
    @Test
    void theFakeAnswersAsTheGenuineSguildWithADeadDatabaseHandle() throws Exception {
        SguildHarness sguild = SGUILD.harness();
        List<String> real;
        try {
            real = ProtocolProbe.afterDatabaseRestart(sguild.sensorPort(), sguild.certificate(), sguild::restartDatabase);
        } finally {
            sguild.restartSguild(); // a sguild with a live handle for whatever runs next
        }
        List<String> imitation;
        try (FakeSguild fake = new FakeSguild(TestCertificate.get()).start()) {
            imitation = ProtocolProbe.afterDatabaseRestart(fake.port(), TestCertificate.get().pem(), fake::databaseGone);
        }
        compare("dead-handle-", real, imitation);
    }

    private static void compare(String prefix, List<String> real, List<String> imitation) throws java.io.IOException {
        Path keep = Files.createDirectories(Path.of("target", "realsguild", "FakeSguildConformanceTest"));
        Files.write(keep.resolve(prefix + "genuine-sguild.txt"), real);
        Files.write(keep.resolve(prefix + "fake-sguild.txt"), imitation);
        assertThat(imitation).containsExactlyElementsOf(real);
    }
}
