package net.sguil.bridge.rules;

/**
 * Marks state facts that survive a reload of the rules: when the knowledge base is swapped, facts of
 * classes implementing this are moved into the new session; all other facts (the input events of
 * the last hour, types declared in DRL) are left behind.
 */
public interface CarriedOver {
}
