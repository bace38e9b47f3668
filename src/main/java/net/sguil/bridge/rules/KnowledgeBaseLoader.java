package net.sguil.bridge.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles every {@code *.drl} under the given directories (recursively, in path order) together with
 * the bridge's built-in fact-type declarations into one STREAM-mode knowledge base, with Drools'
 * executable model. All or nothing: any error fails the whole build.
 */
public final class KnowledgeBaseLoader {
    /** Classpath resource declaring the event roles, timestamps and expiries of the fact types. */
    static final String BUILTIN_DECLARATIONS = "net/sguil/bridge/rules/fact-types.drl";
    private static final String BUILTIN_PACKAGE = "net.sguil.bridge.builtin";
    private static final String BUILTIN_NAME = "<built-in>/fact-types.drl";
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseLoader.class);

    private KnowledgeBaseLoader() {
    }

    /**
     * The {@code *.drl} files under each directory (a plain file is taken as is), sorted, without duplicates.
     *
     * @throws MissingRuleDirectoryException when a directory does not exist
     */
    public static List<Path> ruleFiles(List<Path> dirs) throws RuleBuildException {
        Set<Path> out = new LinkedHashSet<>();
        List<RuleFileError> missing = new ArrayList<>();
        List<RuleFileError> errors = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isRegularFile(dir)) {
                out.add(dir.toAbsolutePath().normalize());
            } else if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(KnowledgeBaseLoader::isRuleFile).map(p -> p.toAbsolutePath().normalize()).sorted()
                            .forEach(out::add);
                } catch (IOException | UncheckedIOException e) {
                    errors.add(new RuleFileError(dir.toString(), 0, "cannot list: " + e.getMessage()));
                }
            } else {
                missing.add(new RuleFileError(dir.toString(), 0, "no such rule directory"));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRuleDirectoryException(missing);
        }
        if (!errors.isEmpty()) {
            throw new RuleBuildException(errors);
        }
        return List.copyOf(out);
    }

    static boolean isRuleFile(Path p) {
        return p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p);
    }

    /** Builds a knowledge base from every rule file under {@code dirs}. */
    public static RuleSet load(List<Path> dirs) throws RuleBuildException {
        List<Path> files = ruleFiles(dirs);
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        Map<String, String> displayNames = new HashMap<>();
        List<RuleFileError> unreadable = new ArrayList<>();
        int i = 0;
        for (Path f : files) {
            String resource = RESOURCES + "r" + (i++) + "/" + f.getFileName();
            try {
                sources.put(resource, Files.readString(f));
                displayNames.put(resource, f.toString());
            } catch (IOException | UncheckedIOException e) {
                unreadable.add(new RuleFileError(f.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            throw new RuleBuildException(unreadable);
        }
        return build(sources, displayNames, files);
    }

    /** Builds a knowledge base from DRL text held in memory ({@code name} → text), e.g. for tests. */
    public static RuleSet fromStrings(Map<String, String> drls) throws RuleBuildException {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        Map<String, String> displayNames = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : drls.entrySet()) {
            String resource = RESOURCES + "r" + (i++) + "/" + e.getKey();
            sources.put(resource, e.getValue());
            displayNames.put(resource, e.getKey());
        }
        return build(sources, displayNames, List.of());
    }

    private static RuleSet build(Map<String, String> sources, Map<String, String> displayNames, List<Path> files)
            throws RuleBuildException {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("net.sguil.bridge", "rules", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        // No kmodule.xml: writing one needs drools-xml-support; the default module is enough and STREAM
        // mode is set on the knowledge base configuration below.
        // The executable model applies a type's declaration (event role, timestamp, expiry) only to
        // rules of the same package, so every package gets its own copy of the built-in declarations.
        String declarations = builtinDeclarations();
        Set<String> packages = new java.util.TreeSet<>();
        sources.values().forEach(drl -> packageOf(drl).ifPresent(packages::add));
        packages.add(BUILTIN_PACKAGE);
        for (String pkg : packages) {
            String builtin = RESOURCES + "builtin/" + pkg + "/fact-types.drl";
            sources.put(builtin, declarations.replace("package " + BUILTIN_PACKAGE + ";", "package " + pkg + ";"));
            displayNames.put(builtin, BUILTIN_NAME);
        }
        sources.forEach(kfs::write);

        long t0 = System.nanoTime();
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<RuleFileError> errors = new ErrorLocator(shortNames(displayNames), shortNames(sources))
                .locate(builder.getResults().getMessages(Message.Level.ERROR));
        try {
            if (!errors.isEmpty()) {
                throw new RuleBuildException(errors);
            }
            KieContainer container = ks.newKieContainer(releaseId);
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(EventProcessingOption.STREAM);
            KieBase kieBase = container.newKieBase(conf);
            LOG.debug("compiled {} rule file(s) in {} ms", sources.size(), (System.nanoTime() - t0) / 1_000_000);
            List<RuleFileOutline> outlines = new ArrayList<>();
            sources.forEach((resource, drl) -> {
                if (!resource.startsWith(RESOURCES + "builtin/") || resource.contains("/" + BUILTIN_PACKAGE + "/")) {
                    outlines.add(RuleFileOutline.of(displayNames.get(resource), drl));
                }
            });
            return new RuleSet(kieBase, files, outlines);
        } finally {
            // Each build registers a module in the global repository; drop it so reloads do not accumulate.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static java.util.Optional<String> packageOf(String drl) {
        try {
            String name = new DrlParser().parse(false, drl).getName();
            return name == null || name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
        } catch (DroolsParserException | RuntimeException e) {
            return java.util.Optional.empty(); // the build reports it with file and line
        }
    }

    /** Drools reports resource paths relative to {@code src/main/resources/}. */
    private static Map<String, String> shortNames(Map<String, String> byResource) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        byResource.forEach((k, v) -> out.put(k.substring(RESOURCES.length()), v));
        return out;
    }

    private static String builtinDeclarations() {
        try (InputStream in = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(BUILTIN_DECLARATIONS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN_DECLARATIONS);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
