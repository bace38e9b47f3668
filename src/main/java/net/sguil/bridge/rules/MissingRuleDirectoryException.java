package net.sguil.bridge.rules;

import java.util.List;

/**
 * A rule directory that does not exist: a wrong path to fix, not rules to correct, so commands treat
 * it as unusable input rather than as rules that do not compile.
 */
public final class MissingRuleDirectoryException extends RuleBuildException {
    public MissingRuleDirectoryException(List<RuleFileError> errors) {
        super(errors);
    }
}
