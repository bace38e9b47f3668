package net.sguil.bridge.rules;

import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleParametersTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        RuleParameters p = RuleParameters.defaults();
        assertThat(p.getTrendingMinCount()).isEqualTo(100);
        assertThat(p.getTrendingRatio()).isEqualTo(10);
        assertThat(p.getTrendingDays()).isEqualTo(7);
        assertThat(p.getVolumeRatio()).isEqualTo(10);
        assertThat(p.getVolumeHours()).isEqualTo(24);
        assertThat(p.getSmtpPorts()).containsExactlyInAnyOrder(25, 587);
        assertThat(p.isHome("192.168.1.1")).isTrue();
        assertThat(p.isHome("8.8.8.8")).isFalse();
        assertThat(p.isMailServer("203.0.113.1")).as("no servers configured: any").isTrue();
    }

    @Test
    void aConfigFileOverridesTheDefaultsAndLoadsTheHashList(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.txt"), """
                # from the incident of 2006-06-02
                9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
                098f6bcd4621d373cade4e832627b4f6   # test

                """);
        Files.writeString(dir.resolve("bridge.conf"), """
                # sguil-bridge
                trending.min_count = 50
                trending.ratio = 4.5
                trending.days=14
                volume.ratio = 3
                home_net = 192.0.2.0/24, 2001:db8::/32
                smtp.ports = 25, 2525
                smtp.servers = 192.0.2.25
                rules.known_bad_hashes = bad.txt
                db.host = ignored.example
                """);
        RuleParameters p = RuleParameters.from(ConfigFile.read(dir.resolve("bridge.conf")));
        assertThat(p.getTrendingMinCount()).isEqualTo(50);
        assertThat(p.getTrendingRatio()).isEqualTo(4.5);
        assertThat(p.getTrendingDays()).isEqualTo(14);
        assertThat(p.getVolumeRatio()).isEqualTo(3);
        assertThat(p.getVolumeHours()).isEqualTo(24);
        assertThat(p.isHome("192.0.2.200")).isTrue();
        assertThat(p.isHome("2001:db8::1")).isTrue();
        assertThat(p.isHome("10.0.0.1")).isFalse();
        assertThat(p.getSmtpPorts()).isEqualTo(Set.of(25, 2525));
        assertThat(p.isMailServer("192.0.2.25")).isTrue();
        assertThat(p.isMailServer("192.0.2.26")).isFalse();
        assertThat(p.isKnownBadHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")).isTrue();
        assertThat(p.isKnownBadHash("098F6BCD4621D373CADE4E832627B4F6")).isTrue();
        assertThat(p.isKnownBadHash("00000000000000000000000000000000")).isFalse();
        assertThat(p.isKnownBadHash(null)).isFalse();
    }

    @Test
    void badValuesNameTheKeyOrTheLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RuleParameters.from(ConfigFile.of(Map.of("trending.days", "seven"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trending.days");
        assertThatThrownBy(() -> RuleParameters.from(ConfigFile.of(Map.of("trending.ratio", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trending.ratio");
        assertThatThrownBy(() -> RuleParameters.from(ConfigFile.of(Map.of("home_net", "10.0.0.0/33"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("home_net");
        assertThatThrownBy(() -> RuleParameters.from(ConfigFile.of(Map.of("smtp.ports", "25,70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.ports");
        Files.writeString(dir.resolve("h.txt"), "# ok\nnot-a-hash\n");
        assertThatThrownBy(() -> KnownBadHashes.load(dir.resolve("h.txt")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("h.txt:2");
        Files.writeString(dir.resolve("c.conf"), "a = 1\nno equals sign\n");
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("c.conf")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("c.conf:2");
    }

    @Test
    void networkSetsMatchPrefixesAndRejectGarbage() {
        NetworkSet n = NetworkSet.parse("10.1.0.0/16 172.16.0.0/12,192.0.2.7");
        assertThat(n.contains("10.1.255.255")).isTrue();
        assertThat(n.contains("10.2.0.0")).isFalse();
        assertThat(n.contains("172.31.0.1")).isTrue();
        assertThat(n.contains("172.32.0.1")).isFalse();
        assertThat(n.contains("192.0.2.7")).isTrue();
        assertThat(n.contains("192.0.2.8")).isFalse();
        assertThat(n.contains("::ffff:10.1.0.1")).as("an IPv4-mapped IPv6 address is that IPv4 host").isTrue();
        assertThat(n.contains("2001:db8::1")).isFalse();
        assertThat(n.contains("10.1.0.256")).isFalse();
        assertThat(n.contains("example.org")).isFalse();
        assertThat(n.contains("")).isFalse();
        assertThat(NetworkSet.parse("0.0.0.0/0").contains("203.0.113.1")).isTrue();
        assertThatThrownBy(() -> NetworkSet.parse("mail.example.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
