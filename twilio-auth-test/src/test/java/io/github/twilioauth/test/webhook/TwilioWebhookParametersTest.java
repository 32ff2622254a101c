package io.github.twilioauth.test.webhook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.BindParamNameResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameters of a typed request are those Twilio would send, and Spring binds them back
 * into the same request.
 */
class TwilioWebhookParametersTest {

    @Test
    void sendsEachComponentUnderItsTwilioNameAsTwilioWritesIt() {
        assertThat(TwilioWebhookParameters.of(TypedTestRequest.COMPLETED)).containsExactly(
                Map.entry("CallSid", List.of("CA5f9b4a4d6e4b0a3e2c1d0f9e8d7c6b5a")),
                Map.entry("CallStatus", List.of("completed")),
                Map.entry("Timestamp", List.of("Tue, 30 Jul 2024 15:01:02 +0000")),
                Map.entry("RecordingUrl", List.of("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")),
                Map.entry("MediaUrl", List.of("https://b.example/2", "https://a.example/1")),
                Map.entry("Digits", List.of("1234")));
    }

    @Test
    void springBindsTheParametersBackIntoTheSameRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/call-status");
        TwilioWebhookParameters.of(TypedTestRequest.COMPLETED)
            .forEach((name, values) -> request.addParameter(name, values.toArray(String[]::new)));
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "request");
        binder.setTargetType(ResolvableType.forClass(TypedTestRequest.class));
        binder.setNameResolver(new BindParamNameResolver());
        binder.setConversionService(new DefaultFormattingConversionService());

        binder.construct(request);

        assertThat(binder.getBindingResult().getAllErrors()).isEmpty();
        assertThat(binder.getTarget()).isEqualTo(TypedTestRequest.COMPLETED);
    }
}
