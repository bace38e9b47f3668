package net.sguil.bridge.snort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnortRuleParserTest {
    private static final String HEADER = "alert tcp $EXTERNAL_NET any -> $HTTP_SERVERS $HTTP_PORTS ";
    private static final String GOOD_OPTIONS = "msg:\"HTTP PUT Defacement Attempt\"; flow:to_server,established; "
            + "content:\"PUT \"; depth:4; classtype:web-application-attack; sid:1000003; rev:1;";

    private static SnortRuleParser.Result parse(String... lines) {
        return SnortRuleParser.parse("x.rules", List.of(lines));
    }

    @Test
    void theShippedRulesFileIsClean() throws IOException {
        SnortRuleParser.Result r = SnortRuleParser.parse("local.rules", Files.readAllLines(Path.of("snort-rules/local.rules")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.rules()).hasSize(1);
        SnortRule put = r.rules().get(0);
        assertThat(put.sid()).isEqualTo(1000003);
        assertThat(put.msg()).isEqualTo("HTTP PUT Defacement Attempt");
        assertThat(put.flow()).containsExactly("to_server", "established");
        assertThat(put.contents()).hasSize(1);
        assertThat(new String(put.contents().get(0).pattern(), StandardCharsets.ISO_8859_1)).isEqualTo("PUT ");
        assertThat(put.contents().get(0).depth()).isEqualTo(4);
        assertThat(put.contents().get(0).nocase()).isFalse();
        assertThat(put.classtype()).isEqualTo("web-application-attack");
        assertThat(put.dstPorts()).isEqualTo("$HTTP_PORTS");
        List<String> map = Files.readAllLines(Path.of("snort-rules/sid-msg.map"));
        assertThat(map).contains("1000003 || HTTP PUT Defacement Attempt");
    }

    @Test
    void fullSubsetParsesAcrossContinuationLines() {
        SnortRuleParser.Result r = parse(
                "# comment",
                "",
                "alert tcp [10.0.0.0/8,!10.1.2.3] !80 <> any 1024: (msg:\"a \\\"quoted\\\" msg; with semicolon\"; \\",
                "  content:\"|47 45|T\"; nocase; offset:0; depth:8; content:!\"x\"; distance:0; within:10; \\",
                "  pcre:\"/^GET\\s+\\//i\"; priority:1; reference:url,example.com/a; metadata:service http, former 1; \\",
                "  sid:1000010; rev:3;)");
        assertThat(r.problems()).isEmpty();
        SnortRule rule = r.rules().get(0);
        assertThat(rule.line()).isEqualTo(3);
        assertThat(rule.msg()).isEqualTo("a \"quoted\" msg; with semicolon");
        assertThat(rule.contents()).hasSize(2);
        assertThat(rule.contents().get(0).pattern()).isEqualTo("GET".getBytes(StandardCharsets.US_ASCII));
        assertThat(rule.contents().get(1).negated()).isTrue();
        assertThat(rule.contents().get(1).within()).isEqualTo(10);
        assertThat(rule.hasPcre()).isTrue();
        assertThat(rule.priority()).isEqualTo(1);
        assertThat(rule.references()).containsExactly("url,example.com/a");
        assertThat(rule.metadata()).containsExactly("service http", "former 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "bogus tcp any any -> any any (" + GOOD_OPTIONS + ")~ unknown action 'bogus'",
        "alert tcpx any any -> any any (" + GOOD_OPTIONS + ")~ unknown protocol 'tcpx'",
        "alert tcp 10.0.0.300 any -> any any (" + GOOD_OPTIONS + ")~ bad IPv4 address '10.0.0.300'",
        "alert tcp any 70000 -> any any (" + GOOD_OPTIONS + ")~ port out of range in '70000'",
        "alert tcp any any => any any (" + GOOD_OPTIONS + ")~ direction must be -> or <>, not '=>'",
        "alert tcp any any -> any (" + GOOD_OPTIONS + ")~ header needs 7 fields",
        "alert tcp any any -> any any " + GOOD_OPTIONS + "~ a rule is a header followed by options",
        "alert tcp any any -> any any (msg:unquoted; sid:1000001; rev:1;)~ msg needs a non-empty quoted text",
        "alert tcp any any -> any any (msg:\"m\"; flow:to_server,to_client; sid:1000001; rev:1;)~ flow gives more than one direction",
        "alert tcp any any -> any any (msg:\"m\"; flow:sideways; sid:1000001; rev:1;)~ unknown flow keyword 'sideways'",
        "alert tcp any any -> any any (msg:\"m\"; depth:4; sid:1000001; rev:1;)~ depth without a content before it",
        "alert tcp any any -> any any (msg:\"m\"; nocase; sid:1000001; rev:1;)~ nocase without a content before it",
        "alert tcp any any -> any any (msg:\"m\"; content:\"PUT \"; depth:3; sid:1000001; rev:1;)~ depth 3 is shorter than the content",
        "alert tcp any any -> any any (msg:\"m\"; content:\"PUT \"; depth:4; within:4; sid:1000001; rev:1;)~ within cannot be mixed with depth/offset",
        "alert tcp any any -> any any (msg:\"m\"; content:\"|4G|\"; sid:1000001; rev:1;)~ content has a malformed |hex| section",
        "alert tcp any any -> any any (msg:\"m\"; content:\"\"; sid:1000001; rev:1;)~ content pattern is empty",
        "alert tcp any any -> any any (msg:\"m\"; pcre:\"GET\"; sid:1000001; rev:1;)~ pcre needs a quoted /regex/flags",
        "alert tcp any any -> any any (msg:\"m\"; classtype:web-attack; sid:1000001; rev:1;)~ unknown classtype 'web-attack'",
        "alert tcp any any -> any any (msg:\"m\"; priority:0; sid:1000001; rev:1;)~ priority must be a whole number from 1",
        "alert tcp any any -> any any (msg:\"m\"; reference:url; sid:1000001; rev:1;)~ reference needs system,id",
        "alert tcp any any -> any any (msg:\"m\"; sid:12; rev:1;)~ sid 12 is below 1000000",
        "alert tcp any any -> any any (msg:\"m\"; sid:1000001; rev:x;)~ rev must be a positive whole number",
        "alert tcp any any -> any any (msg:\"m\"; rev:1;)~ missing sid",
        "alert tcp any any -> any any (msg:\"m\"; sid:1000001;)~ missing rev",
        "alert tcp any any -> any any (sid:1000001; rev:1;)~ missing msg",
        "alert tcp any any -> any any (msg:\"m\"; msg:\"n\"; sid:1000001; rev:1;)~ option 'msg' given twice",
        "alert tcp any any -> any any (msg:\"m\"; metadata:lonely; sid:1000001; rev:1;)~ metadata entry 'lonely' needs a key and a value",
        "alert tcp any any -> any any (msg:\"m\"; flowbits:set,x; sid:1000001; rev:1;)~ unsupported option 'flowbits'",
        "alert tcp any any -> any any (msg:\"m; sid:1000001; rev:1;)~ unterminated quoted string",
        "alert tcp any any -> any any (msg:\"m\"; sid:1000001; rev:1)~ option 'rev:1' is not ended by ';'",
    })
    void eachErrorIsReportedOnTheRuleLine(String rule, String message) {
        SnortRuleParser.Result r = parse("# header comment", "", rule);
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).startsWith(message.trim()));
        assertThat(r.rules()).isEmpty();
    }

    @Test
    void duplicateSidAndDanglingContinuationNameTheirLines() {
        String rule = HEADER + "(" + GOOD_OPTIONS + ")";
        SnortRuleParser.Result r = parse(rule, "# again", rule, HEADER + "(msg:\"x\"; \\");
        assertThat(r.problems()).extracting(RuleProblem::toString).containsExactly(
                "x.rules:3: sid 1000003 already used by the rule on line 1",
                "x.rules:4: rule continues past the end of the file (trailing backslash)");
        assertThat(r.rules()).hasSize(1);
    }

    @Test
    void commandReportsFileAndLineAndExitStatus(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.rules"), HEADER + "(" + GOOD_OPTIONS + ")\n");
        Path bad = Files.writeString(dir.resolve("bad.rules"), "\n\n" + HEADER + "(msg:\"m\"; sid:1000001;)\n");
        assertThat(run(good.toString())).startsWith("0|1 rule(s) ok, 0 error(s)");
        String out = run(good.toString(), bad.toString());
        assertThat(out).startsWith("1|" + bad + ":3: missing rev");
        assertThat(run(dir.resolve("missing.rules").toString())).startsWith("2|");
    }

    private static String run(String... files) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] args = new String[files.length + 2];
            args[0] = "snort-rules";
            args[1] = "check";
            System.arraycopy(files, 0, args, 2, files.length);
            code = Main.commandLine().execute(args);
        } finally {
            System.setOut(saved);
        }
        return code + "|" + buf.toString(StandardCharsets.UTF_8);
    }
}
