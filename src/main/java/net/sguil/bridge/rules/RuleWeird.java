package net.sguil.bridge.rules;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the rule engine counts. */
public enum RuleWeird implements Weird {
    @Means("a rule's consequence threw; the rule's conclusion is lost (see the log)")
    RULES_CONSEQUENCE_ERROR,
    @Means("a conclusion already emitted (same rule and evidence key); dropped")
    RULES_DUPLICATE_CONCLUSION,
    @Means("the rules fired more than the engine's limit at once; the rest waits")
    RULES_FIRING_LIMIT,
    @Means("a fact older than the engine's clock; inserted at the clock's time")
    RULES_LATE_FACT,
    @Means("a conclusion about rows replayed to rebuild state (they were processed before); remembered, not raised")
    RULES_REPLAYED_CONCLUSION,
    @Means("a pcap request about rows replayed to rebuild state; remembered, not carried out")
    RULES_REPLAYED_ACTION
}
