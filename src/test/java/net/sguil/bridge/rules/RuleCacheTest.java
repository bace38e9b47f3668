package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.alert;
import static net.sguil.bridge.rules.TestFacts.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The compiled-rules cache: a hit loads rules that behave as freshly compiled ones without compiling;
 * anything changed, damaged or unsafe means compiling, never a failure or a stale knowledge base.
 */
class RuleCacheTest {
    @TempDir
    Path tmp;
    private Path rulesDir;
    private Path cacheDir;
    private RuleCache cache;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() throws IOException {
        rulesDir = Files.createDirectories(tmp.resolve("rules"));
        cacheDir = tmp.resolve("cache/sguil-bridge/rules");
        cache = RuleCache.at(cacheDir);
        logs.start();
        ((Logger) LoggerFactory.getLogger(RuleCache.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(RuleCache.class)).detachAppender(logs);
    }

    private static String rule(String signature) {
        return """
                package site;
                import net.sguil.bridge.facts.SguilAlert;
                import net.sguil.bridge.rules.EventBuilder;
                rule "tag"
                when
                    $a : SguilAlert(priority <= 3)
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000950, 1, "%s")
                            .at($a.getTimestamp()).evidence(String.valueOf($a.getCid())).build());
                end
                query "alerts"
                    $a : SguilAlert()
                end
                """.formatted(signature);
    }

    private RuleSet load(String signature) throws Exception {
        Files.writeString(rulesDir.resolve("site.drl"), rule(signature));
        return KnowledgeBaseLoader.load(List.of(rulesDir), cache);
    }

    /** The signatures the rules conclude for two alerts, a minute apart. */
    private static List<String> conclusions(RuleSet rules) {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            for (int i = 1; i <= 2; i++) {
                Instant t = day(0).plusSeconds(60L * i);
                engine.insert(alert("x", t), t);
                engine.fireUntilQuiet();
            }
        }
        return sink.events.stream().map(e -> e.getSignature() + " " + e.getTimestamp()).toList();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.toString().endsWith(RuleCache.SUFFIX)).sorted().toList();
        }
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aSecondBuildOfTheSameRulesLoadsThemWithoutCompilingAndTheyFireTheSame() throws Exception {
        RuleSet compiled = load("v1");
        RuleSet cached = load("v1");

        assertThat(compiled.origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(cached.origin()).isEqualTo(RuleSet.Origin.CACHE);
        assertThat(conclusions(cached)).hasSize(2).isEqualTo(conclusions(compiled));
        assertThat(cached.ruleNames()).isEqualTo(compiled.ruleNames()).contains("tag");
        assertThat(cached.outlines()).extracting(RuleFileOutline::file)
                .isEqualTo(compiled.outlines().stream().map(RuleFileOutline::file).toList());
        assertThat(cached.files()).isEqualTo(compiled.files());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
        assertThat(entries()).singleElement().satisfies(e -> assertThat(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(e))).isEqualTo("rw-------"));
        assertThat(warnings()).isEmpty();
    }

    @Test
    void theShippedPacksLoadFromTheCacheAndBehaveAsCompiled() throws Exception {
        RuleSet compiled = KnowledgeBaseLoader.load(List.of(RuleDirectories.shipped()), cache);
        RuleSet cached = KnowledgeBaseLoader.load(List.of(RuleDirectories.shipped()), cache);

        assertThat(cached.origin()).isEqualTo(RuleSet.Origin.CACHE);
        assertThat(cached.ruleNames()).isEqualTo(compiled.ruleNames()).hasSizeGreaterThan(10);
        // (The package of the built-in declarations alone, without rules, is not in a loaded knowledge base;
        // each rule package has its own copy of them.)
        assertThat(rulesByPackage(cached)).isEqualTo(rulesByPackage(compiled)).hasSizeGreaterThan(3);
    }

    private static java.util.Map<String, java.util.Set<String>> rulesByPackage(RuleSet rules) {
        java.util.Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
        rules.kieBase().getKiePackages().stream().filter(p -> !p.getRules().isEmpty()).forEach(p -> out.put(p.getName(),
                p.getRules().stream().map(org.kie.api.definition.rule.Rule::getName)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))));
        return out;
    }

    @Test
    void changedRuleTextIsCompiledAfreshAndBothBuildsAreKept() throws Exception {
        load("v1");
        RuleSet changed = load("version two");

        assertThat(changed.origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(conclusions(changed)).allMatch(s -> s.startsWith("version two "));
        assertThat(entries()).hasSize(2);
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void theKeyCoversEveryResourceNameAndText() {
        String base = RuleBuildKey.of(new java.util.LinkedHashMap<>(java.util.Map.of("a.drl", "x"))).orElseThrow();
        assertThat(base).hasSize(64).isEqualTo(RuleBuildKey.of(java.util.Map.of("a.drl", "x")).orElseThrow());
        assertThat(RuleBuildKey.of(java.util.Map.of("b.drl", "x")).orElseThrow()).isNotEqualTo(base);
        assertThat(RuleBuildKey.of(java.util.Map.of("a.drl", "y")).orElseThrow()).isNotEqualTo(base);
        // Length-prefixed fields: moving text between name and content changes the key.
        assertThat(RuleBuildKey.of(java.util.Map.of("a.drlx", "")).orElseThrow()).isNotEqualTo(base);
    }

    @Test
    void aTruncatedEntryIsReportedRebuiltAndOverwritten() throws Exception {
        load("v1");
        Path entry = entries().get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));

        RuleSet rebuilt = load("v1");

        assertThat(rebuilt.origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(conclusions(rebuilt)).hasSize(2);
        assertThat(warnings()).singleElement().asString().contains(entry.toString()).contains("damaged");
        assertThat(Files.size(entry)).isGreaterThan(whole.length / 2);
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void aFlippedByteOrAnEmptyEntryIsRebuilt() throws Exception {
        load("v1");
        Path entry = entries().get(0);
        byte[] whole = Files.readAllBytes(entry);
        byte[] flipped = whole.clone();
        flipped[flipped.length - 100] ^= 1;
        Files.write(entry, flipped);
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        Files.write(entry, new byte[0]);
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(warnings()).hasSize(2).allMatch(w -> w.contains("damaged"));
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void anIntactEntryThatDroolsCannotLoadIsRebuilt() throws Exception {
        load("v1");
        Path entry = entries().get(0);
        String key = entry.getFileName().toString().replace(RuleCache.SUFFIX, "");
        cache.store(key, "not a kjar".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        RuleSet rebuilt = load("v1");

        assertThat(rebuilt.origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(conclusions(rebuilt)).hasSize(2);
        assertThat(warnings()).singleElement().asString().contains("does not load");
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void aCacheDirectoryOthersMayWriteIsNeitherLoadedNorWritten() throws Exception {
        load("v1");
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwx---"));
        FileTime before = Files.getLastModifiedTime(entries().get(0));

        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(load("v2").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(entries()).hasSize(1);
        assertThat(Files.getLastModifiedTime(entries().get(0))).isEqualTo(before);
        assertThat(warnings()).hasSize(2).allMatch(w -> w.contains("not safe to load from")
                && w.contains("writable by group or others (mode 770)"));

        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void anEntryOthersMayWriteIsNotLoadedAndIsReplacedByAPrivateOne() throws Exception {
        load("v1");
        Path entry = entries().get(0);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(warnings()).singleElement().asString().contains("not safe to load from");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------");
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE);
    }

    @Test
    void aCacheDirectoryOfAnotherUserIsNotLoadedFrom() throws Exception {
        load("v1");
        int me = (Integer) Files.getAttribute(cacheDir, "unix:uid");
        try {
            Files.setAttribute(cacheDir, "unix:uid", me + 4242);
        } catch (IOException e) {
            assumeTrue(false, "only root can give a directory away: " + e);
        }
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(warnings()).singleElement().asString().contains("owned by uid " + (me + 4242));
    }

    @Test
    void aCacheThatCannotBeCreatedOnlyMeansCompiling() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        cache = RuleCache.at(file.resolve("rules"));

        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedBuildsAreKept() throws Exception {
        load("v1");
        Path used = entries().get(0);
        Instant now = Instant.now();
        Files.setLastModifiedTime(used, FileTime.from(now.minus(Duration.ofDays(30))));
        for (int i = 1; i <= RuleCache.KEEP; i++) {
            Path old = Files.write(cacheDir.resolve(("%064d" + RuleCache.SUFFIX).formatted(i)), new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(i))));
        }
        Path abandoned = Files.write(cacheDir.resolve("x.tmp"), new byte[] {1});
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofDays(1))));

        assertThat(load("v1").origin()).isEqualTo(RuleSet.Origin.CACHE); // the oldest, now the most recently used
        assertThat(load("v2").origin()).isEqualTo(RuleSet.Origin.COMPILED);

        List<String> kept = entries().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(kept).hasSize(RuleCache.KEEP).contains(used.getFileName().toString())
                .doesNotContain(("%064d" + RuleCache.SUFFIX).formatted(RuleCache.KEEP),
                        ("%064d" + RuleCache.SUFFIX).formatted(RuleCache.KEEP - 1))
                .contains(("%064d" + RuleCache.SUFFIX).formatted(1));
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void noCacheAndInMemoryRulesNeverTouchTheDisk() throws Exception {
        Files.writeString(rulesDir.resolve("site.drl"), rule("v1"));
        assertThat(KnowledgeBaseLoader.load(List.of(rulesDir), RuleCache.none()).origin())
                .isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(KnowledgeBaseLoader.fromStrings(java.util.Map.of("a.drl", rule("v1"))).origin())
                .isEqualTo(RuleSet.Origin.COMPILED);
        assertThat(cacheDir).doesNotExist();
    }

    @Test
    void theUserCacheFollowsXdg() {
        assertThat(RuleCache.userDefault(k -> k.equals("XDG_CACHE_HOME") ? "/x/cache" : null))
                .isEqualTo(Path.of("/x/cache/sguil-bridge/rules"));
        assertThat(RuleCache.userDefault(k -> k.equals("XDG_CACHE_HOME") ? "relative" : null))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/sguil-bridge/rules"));
        assertThat(RuleCache.userDefault(k -> null))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/sguil-bridge/rules"));
    }
}
