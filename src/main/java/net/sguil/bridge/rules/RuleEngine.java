package net.sguil.bridge.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.facts.TimedFact;
import net.sguil.bridge.weird.Weirds;
import org.kie.api.KieServices;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rule session over a stream of facts. Conclusions ({@link SguilEventOut}) go to the
 * {@link EventSink} once per (rule, evidence key); {@link ExtractSession} requests go to the
 * {@link ActionHandler} once per session and then leave working memory.
 *
 * <p>Time: in {@linkplain #replay replay} the session runs on a pseudo clock set from the facts' own
 * times. The clock never goes back: a fact older than the clock is inserted at the clock's time
 * (its own timestamp still counts for windows and expiry; counted as weird {@code rules.late_fact}).
 * Before the clock moves forward, the rules are fired (at most once per
 * {@link EngineLimits#replayFireEveryMillis()} of data time), so everything that was true at the old
 * time is concluded before events expire, and again after it moved, so that a timer due in between
 * (a window closing) goes off before the new fact arrives. {@linkplain #live Live}, the session runs on the real clock.
 *
 * <p>Reload: {@link #offer(RuleSet)} may be called from any thread; the new rules take effect at
 * the start of the next {@code insert} or {@code fireUntilQuiet}, in a new session that receives the
 * parameters and every {@link CarriedOver} fact (the trending counters); the other facts of the old
 * session (input events of the last hour) are dropped. Conclusions already delivered stay delivered.
 *
 * <p>Not thread-safe otherwise: one thread inserts and fires.
 */
public final class RuleEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    private static final String KEY_SEPARATOR = "\u0000";
    private static final long ADVANCE_STEP_MILLIS = 60_000;
    /** A session is inserted once per row; remembering the recent ones only guards against re-reads. */
    private static final int REMEMBERED_EXTRACTIONS = 10_000;

    private final boolean pseudoClock;
    private final RuleParameters parameters;
    private final EventSink sink;
    private final ActionHandler actions;
    private final EngineLimits limits;
    private final Weirds weirds = new Weirds();
    private final AtomicReference<RuleSet> pending = new AtomicReference<>();
    private final List<Inserted> conclusions = new ArrayList<>();
    private final Map<String, Boolean> delivered;
    private final Map<String, Boolean> extracted;
    private RuleSet rules;
    private KieSession session;
    private long emitted;
    private long lastFire = Long.MIN_VALUE / 2;
    private boolean replayOnly;

    private RuleEngine(RuleSet rules, RuleParameters parameters, EventSink sink, ActionHandler actions,
                       EngineLimits limits, boolean pseudoClock) {
        this.rules = rules;
        this.parameters = parameters;
        this.sink = sink;
        this.actions = actions;
        this.limits = limits;
        this.pseudoClock = pseudoClock;
        this.delivered = lru(limits.rememberedConclusions());
        this.extracted = lru(REMEMBERED_EXTRACTIONS);
        this.session = newSession(rules, 0);
    }

    /** A session on a pseudo clock driven by the facts' times: for pcaps and spans of the database. */
    public static RuleEngine replay(RuleSet rules, RuleParameters parameters, EventSink sink, ActionHandler actions) {
        return new RuleEngine(rules, parameters, sink, actions, EngineLimits.defaults(), true);
    }

    public static RuleEngine replay(RuleSet rules, RuleParameters parameters, EventSink sink, ActionHandler actions,
                                    EngineLimits limits) {
        return new RuleEngine(rules, parameters, sink, actions, limits, true);
    }

    /** A session on the real clock: for the daemon following Sguil as it happens. */
    public static RuleEngine live(RuleSet rules, RuleParameters parameters, EventSink sink, ActionHandler actions) {
        return new RuleEngine(rules, parameters, sink, actions, EngineLimits.defaults(), false);
    }

    /**
     * Inserts one fact seen at {@code eventTime} (in replay, the clock moves to it first if it is
     * later than the clock). In live mode {@code eventTime} is only used to count late facts.
     */
    public void insert(Object fact, Instant eventTime) {
        applyPendingReload();
        long t = eventTime.toEpochMilli();
        long now = session.getSessionClock().getCurrentTime();
        if (pseudoClock && t > now) {
            boolean due = t - lastFire >= limits.replayFireEveryMillis();
            if (due) {
                fire();
                lastFire = t;
            }
            ((SessionPseudoClock) session.getSessionClock()).advanceTime(t - now, TimeUnit.MILLISECONDS);
            if (due) {
                fire(); // timers that came due in the jump go off before the new fact is seen, as live
            }
        } else if (pseudoClock && t < now) {
            weirds.count(RuleWeird.RULES_LATE_FACT);
        }
        session.insert(fact);
    }

    /** Inserts each fact at its time, in order, then fires until quiet: the facts of one message or one exchange. */
    public void insertAndFire(List<TimedFact> facts) {
        for (TimedFact f : facts) {
            insert(f.fact(), f.time());
        }
        fireUntilQuiet();
    }

    /** Fires the rules until none is active and delivers the conclusions; returns the number of firings. */
    public int fireUntilQuiet() {
        applyPendingReload();
        return fire();
    }

    /**
     * Moves a pseudo clock forward to {@code t} (never back), firing what is due on the way, so that
     * timers and windows close without new data: at the end of a replay, and in the daemon, where
     * a tick keeps the data-driven clock in step with the wall clock. No effect on a real clock.
     */
    public void advanceTo(Instant t) {
        applyPendingReload();
        fire();
        if (!pseudoClock) {
            return;
        }
        // In steps, firing after each: a timer due within the jump fires before events expire behind it.
        SessionPseudoClock clock = (SessionPseudoClock) session.getSessionClock();
        long target = t.toEpochMilli();
        for (long now = clock.getCurrentTime(); now < target; now = clock.getCurrentTime()) {
            clock.advanceTime(Math.min(target - now, ADVANCE_STEP_MILLIS), TimeUnit.MILLISECONDS);
            fire();
        }
    }

    /**
     * While on, conclusions and pcap requests are remembered as raised, so they are not raised
     * again, but neither delivered nor acted on (counted as {@code rules.replayed_conclusion} and
     * {@code rules.replayed_action}): replaying rows that were processed before rebuilds the rules'
     * state, such as the trending baselines, and raises nothing. What is pending is fired first, in
     * the mode it was inserted in.
     */
    public void replayOnly(boolean on) {
        applyPendingReload();
        fire();
        replayOnly = on;
    }

    /** Hands over a newly built rule set; it replaces the current one at the next insert or fire. */
    public void offer(RuleSet newRules) {
        pending.set(newRules);
    }

    /** The rule set currently running. */
    public RuleSet rules() {
        return rules;
    }

    /** The current time of the session clock. */
    public Instant clock() {
        return Instant.ofEpochMilli(session.getSessionClock().getCurrentTime());
    }

    /** Facts in working memory (bounded by the event expiries and the trending windows). */
    public long factCount() {
        return session.getFactCount();
    }

    /** Conclusions delivered to the sink so far. */
    public long emitted() {
        return emitted;
    }

    /** Counted oddities: {@code rules.late_fact}, {@code rules.duplicate_conclusion}, {@code rules.consequence_error}, … */
    public Weirds weirds() {
        return weirds;
    }

    /** Fires what is pending, flushes the sink and disposes the session. */
    @Override
    public void close() {
        try {
            fire();
            sink.flush();
        } finally {
            session.dispose();
        }
    }

    private int fire() {
        int total = 0;
        while (total < limits.maxFiringsPerCall()) {
            int n;
            try {
                n = session.fireAllRules(limits.maxFiringsPerCall() - total);
            } catch (RuntimeException e) {
                // A failing consequence must not stop the stream: report it and go on with the rest.
                weirds.count(RuleWeird.RULES_CONSEQUENCE_ERROR);
                LOG.error("rule consequence failed: {}", e.getMessage(), e);
                deliver();
                total++;
                continue;
            }
            deliver();
            total += n;
            if (n == 0) {
                return total;
            }
        }
        weirds.count(RuleWeird.RULES_FIRING_LIMIT);
        LOG.warn("stopped after {} rule firings in one call; a rule may be re-activating itself", total);
        return total;
    }

    /**
     * A conclusion or request as it was inserted. Kept with its handle because an event stamped
     * more than its expiry before the clock (the answer to an analyst about yesterday's alert) has
     * already left working memory when the firing ends; it is delivered all the same.
     */
    private record Inserted(FactHandle handle, Object fact) {
    }

    private void deliver() {
        if (conclusions.isEmpty()) {
            return;
        }
        List<Inserted> batch = new ArrayList<>(conclusions);
        conclusions.clear();
        for (Inserted in : batch) {
            FactHandle h = in.handle();
            Object o = in.fact();
            if (o instanceof SguilEventOut e) {
                String key = e.getRule() + KEY_SEPARATOR + e.getEvidenceKey();
                if (delivered.putIfAbsent(key, Boolean.TRUE) != null) {
                    weirds.count(RuleWeird.RULES_DUPLICATE_CONCLUSION);
                    retract(h);
                } else if (replayOnly) {
                    weirds.count(RuleWeird.RULES_REPLAYED_CONCLUSION);
                } else {
                    emitted++;
                    sink.accept(e);
                }
            } else if (o instanceof ExtractSession x) {
                retract(h);
                if (extracted.putIfAbsent(extractKey(x), Boolean.TRUE) != null) {
                    continue;
                }
                if (replayOnly) {
                    weirds.count(RuleWeird.RULES_REPLAYED_ACTION);
                } else {
                    actions.extract(x);
                }
            }
        }
    }

    private void retract(FactHandle h) {
        if (session.getObject(h) != null) {
            session.delete(h);
        }
    }

    /** An analyst's request is its own, even for a session the rules already asked for. */
    private static String extractKey(ExtractSession x) {
        return String.join(KEY_SEPARATOR, x.getAsked() == null ? "" : x.getAsked().getKey(), x.getKind(),
                String.valueOf(x.getSensor()), x.getSrcIp(), String.valueOf(x.getSrcPort()), x.getDstIp(),
                String.valueOf(x.getDstPort()), String.valueOf(x.getStartTime()));
    }

    private void applyPendingReload() {
        RuleSet next = pending.getAndSet(null);
        if (next == null) {
            return;
        }
        fire();
        long now = session.getSessionClock().getCurrentTime();
        Collection<?> carried = session.getObjects(o -> o instanceof CarriedOver);
        KieSession fresh = newSession(next, now);
        carried.forEach(fresh::insert);
        session.dispose();
        session = fresh;
        rules = next;
        LOG.info("rules reloaded: {} rule(s), {} trending fact(s) carried over", next.ruleNames().size(), carried.size());
    }

    private KieSession newSession(RuleSet ruleSet, long clockMillis) {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(pseudoClock ? ClockTypeOption.PSEUDO : ClockTypeOption.REALTIME);
        KieSession s = ruleSet.kieBase().newKieSession(conf, null);
        if (pseudoClock && clockMillis > 0) {
            ((SessionPseudoClock) s.getSessionClock()).advanceTime(clockMillis, TimeUnit.MILLISECONDS);
        }
        s.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Object o = event.getObject();
                if (o instanceof SguilEventOut || o instanceof ExtractSession) {
                    conclusions.add(new Inserted(event.getFactHandle(), o));
                }
            }
        });
        s.insert(parameters);
        return s;
    }

    private static Map<String, Boolean> lru(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }
}
