package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees on the console, with the logging configuration that ships (the command runs
 * in a JVM of its own without the test classes, so logback.xml applies, not logback-test.xml): the
 * bridge's own message first, the libraries' logging not at all.
 */
class ConsoleOutputTest {
    @TempDir
    Path dir;

    private record Console(int status, List<String> out, List<String> err) {
    }

    private Console run(String... args) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Console(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    @Test
    void aWrongPasswordIsTheBridgesOneLineWithoutTheDriversWarning() throws Exception {
        Path password = Files.writeString(dir.resolve("wrong.password"), "not the password\n");
        Console c = run("report", "top-ports", "--home-net", "10.0.0.0/8", "--db", TestDatabase.SERVER_URL + "sguildb",
                "--db-user", TestDatabase.USER, "--db-password-file", password.toString());
        assertThat(c.status()).isEqualTo(Main.EXIT_DB_UNREACHABLE);
        assertThat(c.err()).singleElement().asString().startsWith("sguil-bridge: cannot connect to the database at ")
                .contains("access denied for user '" + TestDatabase.USER + "'");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void aRuleThatDoesNotCompileIsFileAndLineFirstWithoutDroolsLogging() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path typo = Files.writeString(rules.resolve("typo.drl"), """
                package site;
                import net.sguil.bridge.facts.SguilAlert;

                rule "misspelt field"
                when
                    $a : SguilAlert(signatureIdd == 1000003)
                then
                end
                """);
        Console c = run("rules", "check", rules.toString());
        assertThat(c.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(c.err().get(0)).startsWith(typo + ":6: ").contains("signatureIdd")
                .contains("SguilAlert has no property 'signatureIdd'; its properties are: ").contains("signatureId,");
        assertThat(c.err()).last().asString().startsWith("sguil-bridge: the rules do not compile");
        assertThat(c.err()).noneMatch(l -> l.contains("KieProject") || l.contains("ERROR") || l.contains("null Package"));
    }
}
