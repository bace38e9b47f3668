package net.sguil.bridge.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files did not compile (or could not be read); nothing was built. */
public class RuleBuildException extends Exception {
    private final List<RuleFileError> errors;

    public RuleBuildException(List<RuleFileError> errors) {
        super(errors.stream().map(RuleFileError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleFileError> errors() {
        return errors;
    }
}
