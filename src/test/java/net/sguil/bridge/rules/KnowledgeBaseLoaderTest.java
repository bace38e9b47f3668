package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors name the file and line; a bad file means no knowledge base at all. */
class KnowledgeBaseLoaderTest {
    private static final String HEAD = "package site;\nimport net.sguil.bridge.facts.SguilAlert;\n\n";
    private static final String GOOD = HEAD + "rule \"good\"\nwhen\n    SguilAlert(priority == 1)\nthen\nend\n";

    private static RuleFileError onlyError(Map<String, String> drls) {
        try {
            KnowledgeBaseLoader.fromStrings(drls);
        } catch (RuleBuildException e) {
            assertThat(e.errors()).isNotEmpty();
            return e.errors().get(0);
        }
        throw new AssertionError("expected a build failure");
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() {
        RuleFileError e = onlyError(Map.of("bad.drl", HEAD + "rule \"x\"\nwhen\n    SguilAlert(priority == 1\nthen\nend\n"));
        assertThat(e.file()).isEqualTo("bad.drl");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void anUnknownPropertyNamesFileAndLine() {
        RuleFileError e = onlyError(Map.of("bad.drl", HEAD + "rule \"x\"\nwhen\n    SguilAlert(nosuch > 1)\nthen\nend\n"));
        assertThat(e).extracting(RuleFileError::file, RuleFileError::line).containsExactly("bad.drl", 6);
        assertThat(e.message()).contains("nosuch");
    }

    @Test
    void aMisspeltPropertyListsTheFactsRealProperties() {
        RuleFileError e = onlyError(Map.of("bad.drl", HEAD + "rule \"x\"\nwhen\n    $a : SguilAlert(signatureIdd == 1000003)\n"
                + "then\nend\n"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.message()).contains("signatureIdd == 1000003")
                .contains("(SguilAlert has no property 'signatureIdd'; its properties are: cid, ")
                .contains(", signatureId, ").contains(", timestamp, ");
    }

    @Test
    void aRealPropertyGetsNoListEvenWhenTheExpressionIsWrong() {
        RuleFileError e = onlyError(Map.of("bad.drl", HEAD + "rule \"x\"\nwhen\n    SguilAlert(signatureId == \"x\" +)\n"
                + "then\nend\n"));
        assertThat(e.message()).doesNotContain("its properties are");
    }

    @Test
    void anUnknownClassNamesFileAndLine() {
        RuleFileError e = onlyError(Map.of("bad.drl", HEAD + "rule \"x\"\nwhen\n    NoSuchFact()\nthen\nend\n"));
        assertThat(e).extracting(RuleFileError::file, RuleFileError::line).containsExactly("bad.drl", 6);
    }

    @Test
    void aJavaErrorInAConsequenceIsTracedBackToTheDrlLine() {
        RuleFileError e = onlyError(Map.of("good.drl", GOOD, "bad.drl", HEAD.replace("site", "other")
                + "rule \"x\"\nwhen\n    $a : SguilAlert()\nthen\n    int n = $a.getSignature();\nend\n"));
        assertThat(e).extracting(RuleFileError::file, RuleFileError::line).containsExactly("bad.drl", 8);
    }

    @Test
    void oneBadFileFailsTheWholeBuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-good.drl"), GOOD);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/z-bad.drl"), HEAD + "rule \"x\" when SguilAlert(nosuch > 1) then end\n");
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(List.of(dir)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors())
                        .extracting(RuleFileError::file).containsOnly(dir.resolve("sub/z-bad.drl").toString()));
    }

    @Test
    void theExampleRulesOfTheReadmeCompile() throws Exception {
        String readme = Files.readString(Path.of("drl/README.md"));
        String section = readme.substring(readme.indexOf("## Example rules to copy"));
        int start = section.indexOf("```\n") + 4;
        String drl = section.substring(start, section.indexOf("```", start));
        assertThat(KnowledgeBaseLoader.fromStrings(Map.of("site.drl", drl)).ruleNames()).containsExactly(
                "Site: one source, many signatures", "Site: document to payroll", "Site: long outbound SSH");
    }

    @Test
    void aMissingDirectoryIsAnErrorOfItsOwnKind(@TempDir Path dir) {
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(List.of(dir.resolve("nope"))))
                .isInstanceOf(MissingRuleDirectoryException.class).hasMessage(dir.resolve("nope") + ": no such rule directory");
    }

    @Test
    void theOutlineListsPackagesRulesAndDeclaredTypes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.drl"), GOOD + "\ndeclare Tally\n    n : int\nend\n");
        RuleSet rs = KnowledgeBaseLoader.load(List.of(dir));
        assertThat(rs.files()).containsExactly(dir.resolve("site.drl").toAbsolutePath());
        RuleFileOutline site = rs.outlines().get(0);
        assertThat(site.packageName()).isEqualTo("site");
        assertThat(site.rules()).containsExactly(new RuleFileOutline.Item("good", 4));
        assertThat(site.declaredTypes()).extracting(RuleFileOutline.Item::name).containsExactly("Tally");
        assertThat(rs.outlines().get(1).file()).isEqualTo("<built-in>/fact-types.drl");
        assertThat(rs.ruleNames()).containsExactly("good");
    }
}
