package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DbSettingsTest {
    @Test
    void parsesHostPortAndDatabaseAndNeverShowsThePassword() {
        DbSettings s = DbSettings.of("jdbc:mariadb://sguil.example:3307/sguildb", "sguil", "hunter2-secret");
        assertThat(s.host()).isEqualTo("sguil.example");
        assertThat(s.port()).isEqualTo(3307);
        assertThat(s.database()).isEqualTo("sguildb");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(DbSettings.of("jdbc:mariadb://h/db", "u", null).port()).isEqualTo(3306);
        assertThat(s.withDatabase("other").database()).isEqualTo("other");
    }

    @Test
    void refusesOtherShapesAndCredentialsInTheUrl() {
        for (String bad : new String[] {"jdbc:mysql://h:1/db", "mariadb://h/db", "jdbc:mariadb://h:99999/db",
                "jdbc:mariadb://h:1/db?password=x", "jdbc:mariadb://h:1/db?a=1&user=root", "jdbc:mariadb://u:p@h/db"}) {
            assertThatThrownBy(() -> DbSettings.of(bad, "u", "secret-pw")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("secret-pw");
        }
    }

    @Test
    void ipv4NumbersRoundTrip() {
        assertThat(Ipv4.toDotted(Ipv4.parse("255.0.10.1"))).isEqualTo("255.0.10.1");
        assertThat(Ipv4.parse("10.1.2.3")).isEqualTo(0x0a010203L);
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "1.2.3.4 ", "a.b.c.d", "1..2.3"}) {
            assertThatThrownBy(() -> Ipv4.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
