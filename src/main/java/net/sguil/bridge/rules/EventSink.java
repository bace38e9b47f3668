package net.sguil.bridge.rules;

import net.sguil.bridge.facts.SguilEventOut;

/** Where the rules' conclusions go: printed here, sent to Sguil later. Called on the engine's thread. */
public interface EventSink {
    /** One conclusion; the engine calls this once per (rule, evidence key). */
    void accept(SguilEventOut event);

    /** Called when a run ends, so that buffered output can be written. */
    default void flush() {
    }
}
