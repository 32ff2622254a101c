package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.restclient.test.autoconfigure.AutoConfigureRestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioClientsRegistrationTest {

    @Test
    void clientsAutoConfigurationIsRegisteredInTheImportsFile() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
            .contains(TwilioClientsAutoConfiguration.class.getName());
    }

    @Test
    void restClientTestSliceImportsTheTwilioAutoConfigurations() {
        assertThat(ImportCandidates.load(AutoConfigureRestClient.class, getClass().getClassLoader()))
            .contains(TwilioAutoConfiguration.class.getName(), TwilioClientsAutoConfiguration.class.getName());
    }
}
