package io.github.twilioauth.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook library, its adapters and the stores of duplicate deliveries import nothing from
 * Spring Boot: only {@code autoconfigure.webhook} and {@code autoconfigure.store} wire them.
 */
class WebhookLibraryDependenciesTest {

    @Test
    void importsNothingFromSpringBoot() throws IOException {
        List<Path> files;
        try (Stream<Path> webhook = Files.walk(Path.of("src/main/java/io/github/twilioauth/webhook"));
                Stream<Path> store = Files.walk(Path.of("src/main/java/io/github/twilioauth/store"))) {
            files = Stream.concat(webhook, store).filter((path) -> path.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import org.springframework.boot");
        }
    }

    @Test
    void everyPackageIsNullMarked() throws IOException {
        for (String pkg : List.of("webhook", "webhook/servlet", "webhook/reactive", "webhook/request",
                "autoconfigure/webhook", "store", "store/redis", "autoconfigure/store")) {
            Path packageInfo = Path.of("src/main/java/io/github/twilioauth", pkg, "package-info.java");
            assertThat(Files.readString(packageInfo)).as(pkg).contains("@NullMarked");
        }
    }
}
