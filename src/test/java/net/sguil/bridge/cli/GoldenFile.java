package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** btest-style golden files: output compared with what a person has read; {@code -Dgolden.update=true} rewrites them. */
final class GoldenFile {
    static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenFile() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path golden = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
