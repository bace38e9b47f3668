/**
 * The rules' vocabulary: the fact types the Java side inserts and the rules conclude, plain types
 * with getters so DRL can constrain on them, documented field by field in {@code drl/README.md}.
 * Imports nothing of the project.
 */
package net.sguil.bridge.facts;
