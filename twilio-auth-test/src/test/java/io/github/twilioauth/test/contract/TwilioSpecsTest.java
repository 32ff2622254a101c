package io.github.twilioauth.test.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where the contract suites find Twilio's specs: the copies kept in the repository, or a
 * directory given instead; never skipped for want of them.
 */
class TwilioSpecsTest {

    @Test
    void readsTheCopiesKeptInTheRepositoryWhenNoDirectoryIsGiven() {
        Map<String, byte[]> documents = TwilioSpecs.documents(null);

        assertThat(documents).containsOnlyKeys("twilio_api_v2010.json", "twilio_iam_organizations.json",
                "twilio_oauth_v2.json");
        assertThat(new String(documents.get("twilio_oauth_v2.json"), StandardCharsets.UTF_8))
            .contains("\"openapi\"", "https://oauth.twilio.com");
        assertThat(TwilioSpecs.documents(" ")).containsOnlyKeys(documents.keySet());
    }

    @Test
    void keepsTheLicenceAndTheUpstreamCommitBesideTheCopies() {
        ClassLoader classLoader = getClass().getClassLoader();

        assertThat(classLoader.getResource(TwilioSpecs.CLASSPATH_DIRECTORY + "LICENSE")).isNotNull();
        assertThat(classLoader.getResource(TwilioSpecs.CLASSPATH_DIRECTORY + "README.md")).isNotNull();
    }

    @Test
    void readsTheDirectoryThePropertyNamesInstead(@TempDir Path directory) throws Exception {
        for (String file : TwilioSpecs.documents(null).keySet()) {
            Files.writeString(directory.resolve(file), "{\"copy\": \"" + file + "\"}");
        }

        assertThat(new String(TwilioSpecs.documents(directory.toString()).get("twilio_api_v2010.json"),
                StandardCharsets.UTF_8)).isEqualTo("{\"copy\": \"twilio_api_v2010.json\"}");
    }

    @Test
    void failsNamingThePropertyWhenTheDirectoryItNamesHasNoSpecs(@TempDir Path empty) {
        assertThatIllegalStateException().isThrownBy(() -> TwilioSpecs.documents(empty.toString()))
            .withMessageContaining("twilio.oai.dir")
            .withMessageContaining("twilio_api_v2010.json")
            .withMessageContaining(empty.toString());
    }
}
