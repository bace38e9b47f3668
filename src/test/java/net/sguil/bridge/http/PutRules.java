package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * drl/put-defacement.drl compiled once with Drools' executable model into a STREAM-mode knowledge
 * base; sessions run on a pseudo clock driven by the facts' own timestamps.
 */
final class PutRules {
    private static KieBase base;

    private PutRules() {
    }

    static synchronized KieBase base() {
        if (base == null) {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            try {
                kfs.write("src/main/resources/drl/put-defacement.drl",
                        Files.readString(Path.of("drl/put-defacement.drl")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(EventProcessingOption.STREAM);
            base = ks.newKieContainer(ks.getRepository().getDefaultReleaseId()).newKieBase(conf);
        }
        return base;
    }

    static KieSession session(long startMillis) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = base().newKieSession(conf, null);
        SessionPseudoClock clock = s.getSessionClock();
        clock.advanceTime(startMillis, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Replays the transactions in order, then lets a day pass so every window closes; returns the events by time. */
    static List<SguilEventOut> replay(List<HttpTransaction> transactions) {
        long start = transactions.stream().mapToLong(HttpTransaction::getTimestampMillis).min().orElse(0);
        KieSession s = session(start);
        try {
            SessionPseudoClock clock = s.getSessionClock();
            for (HttpTransaction t : transactions) {
                long delta = t.getTimestampMillis() - clock.getCurrentTime();
                if (delta > 0) {
                    clock.advanceTime(delta, TimeUnit.MILLISECONDS);
                }
                s.insert(t);
                s.fireAllRules();
            }
            clock.advanceTime(Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
            s.fireAllRules();
            return s.getObjects(o -> o instanceof SguilEventOut).stream().map(SguilEventOut.class::cast)
                    .sorted(Comparator.comparing(SguilEventOut::getTimestamp)).toList();
        } finally {
            s.dispose();
        }
    }
}
