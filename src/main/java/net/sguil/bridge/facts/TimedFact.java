package net.sguil.bridge.facts;

import java.time.Instant;

/** A fact for the rules and the capture time it happened at, which drives the rule engine's clock. */
public record TimedFact(Object fact, Instant time) {
}
