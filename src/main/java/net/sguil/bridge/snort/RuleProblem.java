package net.sguil.bridge.snort;

/** One error in a rules file, at the line where the rule (or the offending text) starts. */
public record RuleProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
