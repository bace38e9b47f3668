package net.sguil.bridge.rules;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools says only "Unable to parse left part of expression: signatureIdd == 1000003" for a misspelt
 * field. This finds the fact type of the pattern the expression sits in and names its real properties.
 */
final class FactProperties {
    private static final String FACTS_PACKAGE = "net.sguil.bridge.facts.";
    private static final Pattern UNPARSED = Pattern.compile("Unable to (?:parse|analyse) (?:left part of )?expression:? *(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FIRST_NAME = Pattern.compile("(?:\\$\\w+\\s*:\\s*)?([A-Za-z_]\\w*)");
    private static final Pattern PATTERN_OPENING = Pattern.compile("([A-Z]\\w*)\\s*\\(");

    private FactProperties() {
    }

    /**
     * A hint for a compile error at {@code line} of {@code drl}: "SguilAlert has no property
     * 'signatureIdd'; its properties are: ...", or empty when the error is of another kind or the
     * name is a real property.
     */
    static Optional<String> hint(String drl, int line, String message) {
        Matcher m = UNPARSED.matcher(message);
        if (!m.find() || line < 1) {
            return Optional.empty();
        }
        String expression = m.group(1).strip();
        Matcher name = FIRST_NAME.matcher(expression);
        if (!name.lookingAt()) {
            return Optional.empty();
        }
        String field = name.group(1);
        String upToExpression = upTo(drl, line, expression);
        String type = null;
        Matcher p = PATTERN_OPENING.matcher(upToExpression);
        while (p.find()) {
            type = p.group(1);
        }
        if (type == null) {
            return Optional.empty();
        }
        Optional<Class<?>> cls = resolve(drl, type);
        if (cls.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> properties = new TreeSet<>();
        try {
            for (PropertyDescriptor d : Introspector.getBeanInfo(cls.get(), Object.class).getPropertyDescriptors()) {
                properties.add(d.getName());
            }
        } catch (IntrospectionException e) {
            return Optional.empty();
        }
        if (properties.isEmpty() || properties.contains(field)) {
            return Optional.empty();
        }
        return Optional.of(type + " has no property '" + field + "'; its properties are: "
                + String.join(", ", properties));
    }

    /** The DRL text before the expression on its line (the whole text up to that line when not found there). */
    private static String upTo(String drl, int line, String expression) {
        String[] lines = drl.split("\n", -1);
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < Math.min(line - 1, lines.length); i++) {
            before.append(lines[i]).append('\n');
        }
        if (line <= lines.length) {
            String l = lines[line - 1];
            int at = l.indexOf(expression.split("\\s")[0]);
            before.append(at < 0 ? l : l.substring(0, at));
        }
        return before.toString();
    }

    /** The class a DRL names by simple name: an import of it, else a bridge fact type. */
    private static Optional<Class<?>> resolve(String drl, String simpleName) {
        Matcher imp = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+\\." + Pattern.quote(simpleName) + ")\\s*;?").matcher(drl);
        String candidate = imp.find() ? imp.group(1) : FACTS_PACKAGE + simpleName;
        try {
            return Optional.of(Class.forName(candidate, false, FactProperties.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // a declared type or a typo in the type itself: Drools' message stands
        }
    }
}
