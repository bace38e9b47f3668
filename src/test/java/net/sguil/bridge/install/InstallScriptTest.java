package net.sguil.bridge.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sguil-integration/install.sh into a scratch root (DESTDIR): the tree, its modes, the owners it
 * would set (written to DESTDIR/OWNERS there, since no user is created), a configuration whose files
 * all exist, rules that compile, an upgrade that keeps what the operator changed, and removal.
 */
class InstallScriptTest {
    @TempDir
    Path tmp;
    Path root;
    Path jar;

    @BeforeEach
    void paths() throws Exception {
        root = tmp.resolve("root");
        // the script copies the jar as it is; the test phase runs before the jar is built
        jar = Files.writeString(tmp.resolve("sguil-bridge.jar"), "not really a jar");
    }

    private String install(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "sguil-integration/install.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DESTDIR", root.toString());
        pb.environment().put("JAR", jar.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Path at(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private String mode(String absolute) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(at(absolute), LinkOption.NOFOLLOW_LINKS));
    }

    /** Path → "user:group" as the script would have set it (the last line for a path wins). */
    private Map<String, String> owners() throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("OWNERS"))) {
            String[] f = line.split(" ", 2);
            out.put(f[1], f[0]);
        }
        return out;
    }

    @Test
    void installsTheTreeWithItsModesAndOwners() throws Exception {
        String out = install();
        // the fake jar cannot train a class-data archive: one line says so, and the install goes on
        assertThat(out).contains("make-class-archive: no class-data archive for " + at("/usr/share/sguil-bridge/lib/sguil-bridge.jar"));
        assertThat(at("/usr/share/sguil-bridge/lib/sguil-bridge.jsa")).doesNotExist();
        Map<String, String> owners = owners();
        String[][] expected = {
            {"/usr/bin/sguil-bridge", "rwxr-xr-x", "root:root"},
            {"/usr/share/sguil-bridge/lib/sguil-bridge.jar", "rw-r--r--", "root:root"},
            {"/usr/share/sguil-bridge/lib/jvm.options", "rw-r--r--", "root:root"},
            {"/usr/share/sguil-bridge/drl", "rwxr-xr-x", "root:root"},
            {"/usr/share/sguil-bridge/drl/put-defacement.drl", "rw-r--r--", "root:root"},
            {"/etc/sguil-bridge", "rwxr-x---", "root:sguil-bridge"},
            {"/etc/sguil-bridge/sguil-bridge.conf", "rw-r-----", "root:sguil-bridge"},
            {"/etc/sguil-bridge/sguil-bridge.conf.example", "rw-r-----", "root:sguil-bridge"},
            {"/etc/sguil-bridge/db.password", "rw-r-----", "root:sguil-bridge"},
            {"/etc/sguil-bridge/known-bad-hashes.txt", "rw-r-----", "root:sguil-bridge"},
            {"/etc/sguil-bridge/rules.d", "rwxr-x---", "root:sguil-bridge"},
            {"/etc/sguil-bridge/rules.d/trending.drl", "rw-r-----", "root:sguil-bridge"},
            {"/var/lib/sguil-bridge", "rwxr-x---", "sguil-bridge:sguil-bridge"},
            {"/var/lib/sguil-bridge/attachments", "rwxr-x---", "sguil-bridge:sguil-bridge"},
            {"/etc/systemd/system/sguil-bridge.service", "rw-r--r--", "root:root"},
            {"/etc/systemd/system/sguil-bridge-cleanup.service", "rw-r--r--", "root:root"},
            {"/etc/systemd/system/sguil-bridge-cleanup.timer", "rw-r--r--", "root:root"},
        };
        for (String[] e : expected) {
            assertThat(mode(e[0])).as("mode of %s", e[0]).isEqualTo(e[1]);
            assertThat(owners.get(e[0])).as("owner of %s", e[0]).isEqualTo(e[2]);
        }
        assertThat(Files.readString(at("/etc/sguil-bridge/db.password"))).isEmpty();
        assertThat(Files.readString(at("/usr/bin/sguil-bridge")))
                .contains("SGUIL_BRIDGE_RULES=\"${SGUIL_BRIDGE_RULES:-/etc/sguil-bridge/rules.d}\"")
                .contains("exec java @/usr/share/sguil-bridge/lib/jvm.options ${SGUIL_BRIDGE_JAVA_OPTS:-} $cds"
                        + " -jar /usr/share/sguil-bridge/lib/sguil-bridge.jar")
                .contains("if [ /usr/share/sguil-bridge/lib/sguil-bridge.jsa -nt /usr/share/sguil-bridge/lib/sguil-bridge.jar ];"
                        + " then cds=-XX:SharedArchiveFile=/usr/share/sguil-bridge/lib/sguil-bridge.jsa; fi")
                .contains("apt-get install openjdk-17-jre-headless");
        try (Stream<Path> files = Files.walk(at("/etc/sguil-bridge/rules.d"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("analyst-requests.drl", "put-defacement.drl", "smtp-attachments.drl",
                            "trending.drl");
        }
    }

    @Test
    void everyFileTheInstalledConfigurationNamesExists() throws Exception {
        install();
        Path etc = at("/etc/sguil-bridge");
        ConfigFile config = ConfigFile.read(etc.resolve("sguil-bridge.conf"));
        for (String key : List.of("db.password_file", "rules.known_bad_hashes", "rules.dirs", "state.dir", "extract.dir")) {
            String value = config.get(key).orElseThrow();
            Path p = value.startsWith("/") ? at(value) : etc.resolve(value);
            assertThat(p).as("%s = %s", key, value).exists();
        }
        // the launcher's default rule directory is the configuration's
        assertThat(config.get("rules.dirs").orElseThrow()).isEqualTo("/etc/sguil-bridge/rules.d");
        assertThat(KnowledgeBaseLoader.load(List.of(at("/etc/sguil-bridge/rules.d"))).ruleNames()).isNotEmpty();
    }

    @Test
    void theUnitToleratesMissingOptionalPaths() throws Exception {
        install();
        String unit = Files.readString(at("/etc/systemd/system/sguil-bridge.service"));
        assertThat(unit).contains("ExecStart=/usr/bin/sguil-bridge run --config /etc/sguil-bridge/sguil-bridge.conf")
                .contains("ReadOnlyPaths=-/nsm -/etc/sguild ").contains("ReadWritePaths=/var/lib/sguil-bridge")
                .contains("RestartPreventExitStatus=1 2");
        assertThat(Files.readString(at("/etc/systemd/system/sguil-bridge-cleanup.service")))
                .contains("-mtime +${RETENTION_DAYS} -delete").contains("Environment=RETENTION_DAYS=30");
    }

    @Test
    void anUpgradeKeepsWhatTheOperatorChangedAndNeverNests() throws Exception {
        install();
        Path rules = at("/etc/sguil-bridge/rules.d");
        Path shipped = at("/usr/share/sguil-bridge/drl");
        Files.writeString(at("/etc/sguil-bridge/db.password"), "secret\n");
        Files.writeString(at("/etc/sguil-bridge/sguil-bridge.conf"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(at("/etc/sguil-bridge/known-bad-hashes.txt"), "d41d8cd98f00b204e9800998ecf8427e\n");
        // edited by the operator
        String edited = Files.readString(rules.resolve("trending.drl")) + "\n// tuned here\n";
        Files.writeString(rules.resolve("trending.drl"), edited);
        // left alone, and shipped differently last time: it follows the new version
        Files.writeString(shipped.resolve("put-defacement.drl"), "// the previous release\n");
        Files.writeString(rules.resolve("put-defacement.drl"), "// the previous release\n");
        // deleted by the operator
        Files.delete(rules.resolve("smtp-attachments.drl"));

        String out = install();

        assertThat(Files.readString(at("/etc/sguil-bridge/db.password"))).isEqualTo("secret\n");
        assertThat(Files.readString(at("/etc/sguil-bridge/sguil-bridge.conf"))).endsWith("# mine\n");
        assertThat(Files.readString(at("/etc/sguil-bridge/known-bad-hashes.txt")))
                .isEqualTo("d41d8cd98f00b204e9800998ecf8427e\n");
        assertThat(rules.resolve("trending.drl")).hasContent(edited);
        assertThat(rules.resolve("trending.drl.new")).hasSameTextualContentAs(Path.of("drl/trending.drl"));
        assertThat(out).contains("kept your edited /etc/sguil-bridge/rules.d/trending.drl");
        assertThat(rules.resolve("put-defacement.drl")).hasSameTextualContentAs(Path.of("drl/put-defacement.drl"));
        assertThat(rules.resolve("smtp-attachments.drl")).doesNotExist();
        assertThat(shipped.resolve("drl")).doesNotExist();
        assertThat(shipped.resolve("put-defacement.drl")).hasSameTextualContentAs(Path.of("drl/put-defacement.drl"));
        // the .new file is not loaded: the rules still compile, without duplicate names
        assertThat(KnowledgeBaseLoader.load(List.of(rules)).ruleNames()).isNotEmpty();
    }

    @Test
    void uninstallKeepsConfigurationAndStateAndPurgeRemovesThem() throws Exception {
        install();
        Files.writeString(at("/var/lib/sguil-bridge/outbox.journal"), "undelivered");
        install("--uninstall");
        assertThat(at("/usr/bin/sguil-bridge")).doesNotExist();
        assertThat(at("/usr/share/sguil-bridge")).doesNotExist();
        assertThat(at("/etc/systemd/system/sguil-bridge.service")).doesNotExist();
        assertThat(at("/etc/sguil-bridge/sguil-bridge.conf")).exists();
        assertThat(at("/var/lib/sguil-bridge/outbox.journal")).exists();
        install("--purge");
        assertThat(at("/etc/sguil-bridge")).doesNotExist();
        assertThat(at("/var/lib/sguil-bridge")).doesNotExist();
    }
}
