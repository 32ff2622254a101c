package io.github.twilioauth.test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting, addressing and closing a {@link MockTwilioServer}.
 */
class MockTwilioServerLifecycleTest {

    private final TwilioHttp http = new TwilioHttp();

    @Test
    void servesOnLoopbackOnAFreePort() {
        try (MockTwilioServer server = new MockTwilioServer().start()) {
            assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
            assertThat(server.tokenUrl()).isEqualTo(server.baseUrl() + "/v2/token");
        }
    }

    @Test
    void serversRunSideBySideOnDifferentPorts() {
        try (MockTwilioServer first = new MockTwilioServer().start();
                MockTwilioServer second = new MockTwilioServer().start()) {
            assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
        }
    }

    @Test
    void hasNoAddressBeforeStart() {
        assertThatIllegalStateException().isThrownBy(() -> new MockTwilioServer().baseUrl());
    }

    @Test
    void startsOnlyOnce() {
        try (MockTwilioServer server = new MockTwilioServer().start()) {
            assertThatIllegalStateException().isThrownBy(server::start);
        }
    }

    @Test
    void refusesConnectionsOnceClosed() {
        MockTwilioServer server = new MockTwilioServer().start();
        String tokenUrl = server.tokenUrl();

        server.close();

        assertThatThrownBy(() -> this.http.postForm(tokenUrl, null, "grant_type", "client_credentials"))
            .isInstanceOf(UncheckedIOException.class)
            .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void closeIsIdempotent() {
        MockTwilioServer server = new MockTwilioServer().start();

        server.close();
        server.close();

        assertThatIllegalStateException().isThrownBy(server::baseUrl);
    }

    @Test
    void closeEndsHeldTokenRequests() throws InterruptedException {
        MockTwilioServer server = new MockTwilioServer().start();
        TokenGate gate = server.holdTokenRequests();
        CompletableFuture<?> response = this.http.postFormAsync(server.tokenUrl(), null, "grant_type",
                "client_credentials");
        assertThat(gate.awaitWaiting(1, Duration.ofSeconds(10))).isTrue();

        server.close();

        assertThatThrownBy(response::join).isInstanceOf(CompletionException.class);
    }

    @Test
    void rejectsNegativeFaultCounts() {
        try (MockTwilioServer server = new MockTwilioServer()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.failNextTokenRequests(-1, 500));
        }
    }

    @Test
    void rejectsSuccessStatusesAsFaults() {
        try (MockTwilioServer server = new MockTwilioServer()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.failNextApiRequests(1, 200));
        }
    }
}
