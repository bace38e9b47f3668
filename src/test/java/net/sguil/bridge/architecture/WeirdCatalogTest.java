package net.sguil.bridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.weird.Weird;
import org.junit.jupiter.api.Test;

/** Every weird is declared once, named by the convention, and listed with its meaning in README.md. */
class WeirdCatalogTest {
    private static List<Weird> all() {
        List<Weird> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.sguil.bridge")) {
            if (c.isEnum() && c.isAssignableTo(Weird.class)) {
                for (Object constant : c.reflect().getEnumConstants()) {
                    out.add((Weird) constant);
                }
            }
        }
        return out;
    }

    @Test
    void idsAreUniqueAndFollowTheConvention() {
        List<Weird> weirds = all();
        assertThat(weirds).hasSizeGreaterThan(100);
        Set<String> ids = new HashSet<>();
        for (Weird w : weirds) {
            assertThat(w.id()).matches("[a-z0-9]+\\.[a-z0-9_]+");
            assertThat(ids.add(w.id())).as("declared twice: " + w.id()).isTrue();
            assertThat(w.meaning()).as(w.id()).isNotBlank();
        }
    }

    @Test
    void readmeListsEveryWeirdWithItsMeaning() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Weird w : all()) {
            assertThat(readme).as("README.md lists " + w.id()).contains("| `" + w.id() + "` | " + w.meaning() + " |");
        }
    }
}
