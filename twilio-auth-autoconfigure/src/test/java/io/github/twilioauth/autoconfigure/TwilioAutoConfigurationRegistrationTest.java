package io.github.twilioauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.restclient.test.autoconfigure.AutoConfigureRestClient;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioAutoConfigurationRegistrationTest {

    @Test
    void autoConfigurationIsRegisteredInTheImportsFile() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
            .contains(TwilioAutoConfiguration.class.getName());
    }

    @Test
    void restClientTestSliceImportsTheTwilioAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfigureRestClient.class, getClass().getClassLoader()))
            .contains(TwilioAutoConfiguration.class.getName());
    }

    @Test
    void failureAnalyzerIsRegisteredInSpringFactories() {
        // Boot's own analyzers need constructor arguments this test does not supply; skip them
        FailureHandler skipOthers = (factoryType, factoryImplementationName, failure) -> {
        };

        assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(FailureAnalyzer.class, null, skipOthers))
            .hasAtLeastOneElementOfType(TwilioConfigurationFailureAnalyzer.class);
    }
}
