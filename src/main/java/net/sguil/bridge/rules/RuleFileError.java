package net.sguil.bridge.rules;

/** One compile error of a rule file: where it is ({@code line} 0 when Drools could not tell) and what it says. */
public record RuleFileError(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
