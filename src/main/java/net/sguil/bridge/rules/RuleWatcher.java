package net.sguil.bridge.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches rule directories by polling the list, sizes and modification times of their
 * {@code *.drl} files (portable, recursive, no inotify limits). On a change it rebuilds: a good
 * build is handed to {@code onBuilt} (typically {@link RuleEngine#offer}); a bad one is logged with
 * every file:line error, handed to {@code onFailed}, and the rules already running stay in place.
 * A change is acted on only once the files have stayed the same for one more poll: an editor that
 * truncates and rewrites a file must not get its half-written (or empty, which compiles) state loaded.
 */
public final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);

    private final List<Path> dirs;
    private final RuleCache cache;
    private final Consumer<RuleSet> onBuilt;
    private final Consumer<RuleBuildException> onFailed;
    private final ScheduledExecutorService timer;
    private Map<Path, String> lastSeen;
    private Map<Path, String> settling;

    private RuleWatcher(List<Path> dirs, RuleCache cache, Consumer<RuleSet> onBuilt,
                        Consumer<RuleBuildException> onFailed) {
        this.dirs = List.copyOf(dirs);
        this.cache = cache;
        this.onBuilt = onBuilt;
        this.onFailed = onFailed;
        this.lastSeen = snapshot();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts polling every {@code interval}; the current state of the files is the baseline. Rebuilds
     * go through {@code cache}: rules edited back to an earlier state are not compiled again.
     */
    public static RuleWatcher start(List<Path> dirs, RuleCache cache, Duration interval, Consumer<RuleSet> onBuilt,
                                    Consumer<RuleBuildException> onFailed) {
        RuleWatcher w = new RuleWatcher(dirs, cache, onBuilt, onFailed);
        w.timer.scheduleWithFixedDelay(w::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void poll() {
        try {
            Map<Path, String> now = snapshot();
            if (now.equals(lastSeen)) {
                settling = null;
                return;
            }
            if (!now.equals(settling)) {
                settling = now;
                return;
            }
            settling = null;
            lastSeen = now;
            RuleSet built = KnowledgeBaseLoader.load(dirs, cache);
            LOG.info("rule files changed; rebuilt {} rule(s)", built.ruleNames().size());
            onBuilt.accept(built);
        } catch (RuleBuildException e) {
            LOG.error("rule files changed but do not compile; the previous rules keep running:\n{}", e.getMessage());
            onFailed.accept(e);
        } catch (RuntimeException e) {
            // The watcher must outlive anything odd in one round (a file vanishing mid-walk, a Drools bug).
            LOG.error("rule reload failed; the previous rules keep running", e);
        }
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> out = new TreeMap<>();
        try {
            for (Path f : KnowledgeBaseLoader.ruleFiles(dirs)) {
                try {
                    out.put(f, Files.size(f) + "@" + Files.getLastModifiedTime(f));
                } catch (IOException e) {
                    out.put(f, "unreadable");
                }
            }
        } catch (RuleBuildException e) {
            out.put(Path.of(""), e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
