package net.sguil.bridge.realsguild;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class its own genuine sguild ({@link SguildHarness}), started
 * before the class's first test and stopped (and wiped) after its last:
 * <pre>{@code
 * @RegisterExtension
 * static final GenuineSguild SGUILD = new GenuineSguild();
 * }</pre>
 * Without {@code SGUIL_SRC} every test of the class is reported as skipped, with the reason; never
 * as passed. sguild's logs are kept under {@code target/realsguild/<class>/}.
 */
public final class GenuineSguild implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    private SguildHarness harness;
    private Path logs;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (SguildHarness.sourceFromEnvironment() == null) {
            return ConditionEvaluationResult.disabled(SguildHarness.SGUIL_SRC + " is not set: these tests need the "
                    + "genuine Sguil 1.0.0 server (SGUIL_SRC=../shared/sguild/sguil-1.0, packages: .ci/real-sguild)");
        }
        return ConditionEvaluationResult.enabled(SguildHarness.SGUIL_SRC + " is set");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName();
        logs = Path.of("target", "realsguild", name);
        harness = SguildHarness.start(SguildHarness.sourceFromEnvironment(), name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (harness != null) {
            harness.close(logs.resolve("sguild"));
            harness = null;
        }
    }

    /** A sensor and a bridge of their own in {@code dir}; the bridge's log is kept beside sguild's. */
    Site site(Path dir, String tag) throws java.io.IOException {
        return new Site(harness(), dir, tag, logs);
    }

    public SguildHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("sguild is not running (used outside a test of the class?)");
        }
        return harness;
    }
}
