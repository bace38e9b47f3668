/**
 * Fact types shared by the analyzers, the rule engine and the Sguil side.
 * Plain Java types with getters so DRL can constrain on them; documented
 * field by field in {@code drl/README.md}. This package depends on nothing
 * else in the project.
 */
package net.sguil.bridge.facts;
