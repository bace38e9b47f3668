package net.sguil.bridge.fuzz;

import java.io.PrintWriter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one fuzz-test class on the JUnit Platform in this JVM, for bench/fuzz.sh: the script then
 * chooses the JVM's heap and works on a snapshot of the classes, so that fuzzing neither depends on
 * surefire nor stops a build from running beside it. Jazzer takes its settings from system
 * properties ({@code jazzer.*}) and {@code JAZZER_FUZZ}. Exit code 1 when the run had a finding.
 */
public final class FuzzLauncher {
    private FuzzLauncher() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass("net.sguil.bridge.fuzz." + args[0])).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 30);
        out.printf("tests: %d succeeded, %d failed%n", summary.getTestsSucceededCount(), summary.getTestsFailedCount());
        System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
