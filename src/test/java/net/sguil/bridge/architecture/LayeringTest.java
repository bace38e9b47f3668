package net.sguil.bridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package map of README.md as a test, so that it stays true. */
class LayeringTest {
    private static final String ROOT = "net.sguil.bridge";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(n -> ROOT + "." + n + "..").toArray(String[]::new);
    }

    @Test
    void analyzersKnowNothingOfWhatConsumesThem() {
        noClasses().that().resideInAnyPackage(packages("pcap", "tcp", "detect", "smtp", "http", "mime", "bytes", "weird", "text"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("facts", "files", "rules", "sguil",
                        "delivery", "daemon", "cli", "config", "analysis", "report", "rawlog", "snort"))
                .because("analyzers report through handler interfaces of their own (README: What is where)")
                .check(main);
    }

    @Test
    void factsAreTheRulesVocabularyAndDependOnNothingOfTheBridge() {
        noClasses().that().resideInAPackage(ROOT + ".facts..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("pcap", "tcp", "smtp", "http", "mime",
                        "files", "rules", "sguil", "delivery", "daemon", "cli", "config", "analysis", "report",
                        "rawlog", "snort"))
                .check(main);
    }

    @Test
    void theRulesSeeOnlyFactsAndTheirConfiguration() {
        noClasses().that().resideInAPackage(ROOT + ".rules..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("pcap", "tcp", "smtp", "http", "mime",
                        "files", "sguil", "delivery", "daemon", "cli", "analysis", "report", "rawlog", "snort"))
                .check(main);
    }

    @Test
    void onlyTheDaemonAndTheCommandsComposeTheWhole() {
        noClasses().that().resideOutsideOfPackages(packages("daemon", "cli"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("daemon", "cli"))
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void ruleFilesImportOnlyFactsAndTheRuleSupportApi() throws IOException {
        try (Stream<Path> drl = Files.list(Path.of("drl"))) {
            for (Path f : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
                List<String> imports = Files.readAllLines(f).stream().map(String::strip)
                        .filter(l -> l.startsWith("import ") && l.contains(ROOT + ".")).toList();
                assertThat(imports).as(f.toString()).allMatch(l -> l.startsWith("import " + ROOT + ".facts.")
                        || l.startsWith("import " + ROOT + ".rules.") || l.startsWith("import function " + ROOT + ".rules."));
            }
        }
    }
}
