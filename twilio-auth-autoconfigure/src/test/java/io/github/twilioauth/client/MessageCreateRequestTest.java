package io.github.twilioauth.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessageCreateRequestTest {

    @Test
    void namesParametersAsTwilioDoes() {
        MessageCreateRequest request = MessageCreateRequest.builder()
            .to("+1555")
            .messagingServiceSid("MG1")
            .body("hi")
            .mediaUrl("https://a")
            .mediaUrl("https://b")
            .statusCallback("https://cb")
            .build();
        assertThat(request.toFormParams()).containsEntry("To", "+1555")
            .containsEntry("MessagingServiceSid", "MG1")
            .containsEntry("Body", "hi")
            .containsEntry("MediaUrl", List.of("https://a", "https://b"))
            .containsEntry("StatusCallback", "https://cb");
    }

    @Test
    void mediaWithoutBodyIsEnough() {
        assertThat(MessageCreateRequest.builder().to("+1").from("+2").mediaUrl("https://a").build().toFormParams())
            .doesNotContainKey("Body");
    }

    @Test
    void rejectsAMissingRecipient() {
        assertThatIllegalStateException().isThrownBy(() -> MessageCreateRequest.builder().from("+2").body("x").build())
            .withMessageContaining("to");
    }

    @Test
    void rejectsAMissingSender() {
        assertThatIllegalStateException().isThrownBy(() -> MessageCreateRequest.builder().to("+1").body("x").build())
            .withMessageContaining("from or messagingServiceSid");
    }

    @Test
    void rejectsAMissingContent() {
        assertThatIllegalStateException().isThrownBy(() -> MessageCreateRequest.builder().to("+1").from("+2").build())
            .withMessageContaining("body, mediaUrl or contentSid");
    }
}
