package io.github.twilioauth.test.contract;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where the contract suite finds Twilio's specs: never skipped for want of them.
 */
class TwilioSpecsTest {

    @Test
    void failsNamingThePropertyWhenItIsNotSet() {
        assertThatIllegalStateException().isThrownBy(() -> TwilioSpecs.directory(null))
            .withMessageContaining("twilio.oai.dir");
    }

    @Test
    void failsNamingThePropertyWhenTheDirectoryHasNoSpecs(@TempDir Path empty) {
        assertThatIllegalStateException().isThrownBy(() -> TwilioSpecs.directory(empty.toString()))
            .withMessageContaining("twilio.oai.dir")
            .withMessageContaining("twilio_api_v2010.json")
            .withMessageContaining(empty.toString());
    }

    @Test
    void readsTheDirectoryTheBuildNames() {
        assertThat(TwilioSpecs.directory(System.getProperty(TwilioSpecs.DIRECTORY_PROPERTY))).isDirectory();
    }
}
