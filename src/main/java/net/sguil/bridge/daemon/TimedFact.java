package net.sguil.bridge.daemon;

import java.time.Instant;

/** A fact for the rules and the time it happened (what drives the engine's clock). */
record TimedFact(Object fact, Instant time) {
}
