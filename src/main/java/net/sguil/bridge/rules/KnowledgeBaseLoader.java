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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles every {@code *.drl} under the given directories (recursively, in path order) together with
 * the bridge's built-in fact-type declarations into one STREAM-mode knowledge base, with Drools'
 * executable model. All or nothing: any error fails the whole build. Given a {@link RuleCache}, a build
 * it already holds is loaded from it instead: compiling generates and compiles Java, seconds of CPU.
 */
public final class KnowledgeBaseLoader {
    /** Classpath resource declaring the event roles, timestamps and expiries of the fact types. */
    static final String BUILTIN_DECLARATIONS = "net/sguil/bridge/rules/fact-types.drl";
    private static final String BUILTIN_PACKAGE = "net.sguil.bridge.builtin";
    private static final String BUILTIN_NAME = "<built-in>/fact-types.drl";
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Object REPOSITORY = new Object();
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

    /** Builds a knowledge base from every rule file under {@code dirs}, compiling them. */
    public static RuleSet load(List<Path> dirs) throws RuleBuildException {
        return load(dirs, RuleCache.none());
    }

    /**
     * Builds a knowledge base from every rule file under {@code dirs}: loaded from {@code cache} when it
     * holds this build, else compiled and stored there.
     */
    public static RuleSet load(List<Path> dirs, RuleCache cache) throws RuleBuildException {
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
        return build(sources, displayNames, files, cache);
    }

    /** Builds a knowledge base from DRL text held in memory ({@code name} → text), e.g. for tests; never cached. */
    public static RuleSet fromStrings(Map<String, String> drls) throws RuleBuildException {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        Map<String, String> displayNames = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : drls.entrySet()) {
            String resource = RESOURCES + "r" + (i++) + "/" + e.getKey();
            sources.put(resource, e.getValue());
            displayNames.put(resource, e.getKey());
        }
        return build(sources, displayNames, List.of(), RuleCache.none());
    }

    private static RuleSet build(Map<String, String> sources, Map<String, String> displayNames, List<Path> files,
                                 RuleCache cache) throws RuleBuildException {
        // The executable model applies a type's declaration (event role, timestamp, expiry) only to
        // rules of the same package, so every package gets its own copy of the built-in declarations.
        String declarations = builtinDeclarations();
        Map<String, PackageDescr> parsed = new HashMap<>();
        sources.forEach((resource, drl) -> parse(drl).ifPresent(p -> parsed.put(resource, p)));
        Set<String> packages = new java.util.TreeSet<>();
        parsed.values().stream().map(PackageDescr::getName).filter(n -> n != null && !n.isEmpty()).forEach(packages::add);
        packages.add(BUILTIN_PACKAGE);
        for (String pkg : packages) {
            String builtin = RESOURCES + "builtin/" + pkg + "/fact-types.drl";
            sources.put(builtin, declarations.replace("package " + BUILTIN_PACKAGE + ";", "package " + pkg + ";"));
            displayNames.put(builtin, BUILTIN_NAME);
        }
        Optional<String> key = cache.dir().isEmpty() ? Optional.empty() : RuleBuildKey.of(sources);
        KieServices ks = KieServices.get();
        // Modules are registered in Drools' one global repository by release id, from the build (or the
        // load) until the knowledge base exists; equal keys share a release id, so one build at a time.
        synchronized (REPOSITORY) {
            long t0 = System.nanoTime();
            Optional<byte[]> kjar = key.flatMap(cache::read);
            if (kjar.isPresent()) {
                // Only rules that compiled are ever cached, and the key covers their text: they outline.
                List<RuleFileOutline> outlines = outlines(sources, displayNames, parsed);
                Optional<KieBase> cached = loaded(ks, kjar.get(), key.get(), cache, ruleNames(outlines));
                if (cached.isPresent()) {
                    LOG.debug("loaded {} rule file(s) from the cache in {} ms", sources.size(),
                            (System.nanoTime() - t0) / 1_000_000);
                    return new RuleSet(cached.get(), files, outlines, RuleSet.Origin.CACHE);
                }
            }
            ReleaseId releaseId = releaseId(ks, key);
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            // No kmodule.xml: writing one needs drools-xml-support; the default module is enough and STREAM
            // mode is set on the knowledge base configuration below.
            sources.forEach(kfs::write);
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            List<RuleFileError> errors = new ErrorLocator(shortNames(displayNames), shortNames(sources))
                    .locate(builder.getResults().getMessages(Message.Level.ERROR));
            try {
                if (!errors.isEmpty()) {
                    throw new RuleBuildException(errors);
                }
                KieBase kieBase = streamKieBase(ks, releaseId);
                LOG.debug("compiled {} rule file(s) in {} ms", sources.size(), (System.nanoTime() - t0) / 1_000_000);
                key.ifPresent(k -> cache.store(k, ((InternalKieModule) builder.getKieModule()).getBytes()));
                return new RuleSet(kieBase, files, outlines(sources, displayNames, parsed), RuleSet.Origin.COMPILED);
            } finally {
                // Each build registers a module in the global repository; drop it so reloads do not accumulate.
                ks.getRepository().removeKieModule(releaseId);
            }
        }
    }

    /** One outline per rule file (each parsed once, in {@code parsed}), then the built-in declarations once. */
    private static List<RuleFileOutline> outlines(Map<String, String> sources, Map<String, String> displayNames,
                                                  Map<String, PackageDescr> parsed) {
        List<RuleFileOutline> outlines = new ArrayList<>();
        sources.forEach((resource, drl) -> {
            if (parsed.containsKey(resource)) {
                outlines.add(RuleFileOutline.of(displayNames.get(resource), parsed.get(resource)));
            } else if (!resource.startsWith(RESOURCES + "builtin/") || resource.contains("/" + BUILTIN_PACKAGE + "/")) {
                outlines.add(RuleFileOutline.of(displayNames.get(resource), drl));
            }
        });
        return outlines;
    }

    private static Set<String> ruleNames(List<RuleFileOutline> outlines) {
        Set<String> out = new java.util.TreeSet<>();
        for (RuleFileOutline o : outlines) {
            Stream.concat(o.rules().stream(), o.queries().stream()).forEach(r -> out.add(o.packageName() + " " + r.name()));
        }
        return out;
    }

    /** Named after the key, so each distinct build has classes of its own; uncached builds are numbered. */
    private static ReleaseId releaseId(KieServices ks, Optional<String> key) {
        return ks.newReleaseId("net.sguil.bridge", "rules",
                key.map(k -> "1.0.0-" + k.substring(0, 24)).orElseGet(() -> "1." + BUILDS.incrementAndGet()));
    }

    /**
     * The knowledge base of a cached kjar, without compiling anything; empty (and said) if Drools will
     * not load it. The module is put together as the builder did (the default model for a kjar without
     * kmodule.xml, the release id its classes are named after), which Drools' own loading from a
     * resource would not do without a kmodule.xml. It must be an executable model (else Drools would
     * compile its DRL after all) holding exactly the rules the files declare.
     */
    private static Optional<KieBase> loaded(KieServices ks, byte[] kjar, String key, RuleCache cache,
                                                      Set<String> expectedRules) {
        ReleaseId releaseId = releaseId(ks, Optional.of(key));
        try {
            KieModuleModel model = ks.newKieModuleModel();
            KieBuilderImpl.setDefaultsforEmptyKieModule(model);
            InternalKieModule module = InternalKieModuleProvider.get(releaseId, model, MemoryFileSystem.readFromJar(kjar));
            if (!(module instanceof CanonicalKieModule)) {
                throw new IllegalStateException("not a compiled executable model");
            }
            ks.getRepository().addKieModule(module);
            KieBase kieBase = streamKieBase(ks, releaseId);
            Set<String> rules = new java.util.TreeSet<>();
            kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> rules.add(p.getName() + " " + r.getName())));
            if (!rules.equals(expectedRules)) {
                throw new IllegalStateException("it holds other rules than the rule files");
            }
            return Optional.of(kieBase);
        } catch (RuntimeException e) {
            cache.unusable(key, e);
            return Optional.empty();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static KieBase streamKieBase(KieServices ks, ReleaseId releaseId) {
        KieContainer container = ks.newKieContainer(releaseId);
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EventProcessingOption.STREAM);
        return container.newKieBase(conf);
    }

    private static Optional<PackageDescr> parse(String drl) {
        try {
            return Optional.ofNullable(new DrlParser().parse(false, drl));
        } catch (DroolsParserException | RuntimeException e) {
            return Optional.empty(); // the build reports it with file and line
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
