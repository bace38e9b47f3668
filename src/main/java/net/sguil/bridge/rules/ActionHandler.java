package net.sguil.bridge.rules;

import net.sguil.bridge.facts.ExtractSession;
import org.slf4j.LoggerFactory;

/** Carries out what the rules ask of the Java side. Called on the engine's thread, once per distinct request. */
public interface ActionHandler {
    /** Fetch the packets of the session and analyse them (the facts found go back into the engine). */
    void extract(ExtractSession request);

    /** For runs without pcaps to act on: logs each request and does nothing else. */
    static ActionHandler loggingOnly() {
        return r -> LoggerFactory.getLogger(ActionHandler.class).info("extraction requested but not possible here: {} {}:{} -> {}:{} ({})",
                r.getKind(), r.getSrcIp(), r.getSrcPort(), r.getDstIp(), r.getDstPort(), r.getReason());
    }
}
