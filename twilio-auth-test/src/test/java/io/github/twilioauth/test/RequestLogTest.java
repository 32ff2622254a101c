package io.github.twilioauth.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log of requests the request contract suite reads: what a request was, never what it
 * carried.
 */
class RequestLogTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private static final String AUTH_TOKEN = "auth-token-value-never-logged";

    private static final String CLIENT_SECRET = "client-secret-never-logged";

    @TempDir
    Path directory;

    private final TwilioHttp http = new TwilioHttp();

    @AfterEach
    void clearProperty() {
        System.clearProperty(RequestLog.DIRECTORY_PROPERTY);
    }

    @Test
    void logsTheHostMethodPathParameterNamesAndMediaTypeButNoValueOrHeader() throws IOException {
        try (MockTwilioServer server = loggingServer()) {
            this.http.send(TwilioHttp.request(server.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID
                    + "/Messages.json?PageSize=2&To=%2B15558675310", TwilioHttp.basic(ACCOUNT_SID, AUTH_TOKEN))
                .header("X-Forwarded-Host", "api.twilio.com")
                .GET()
                .build());
            this.http.requestToken(server, "OQ0123456789abcdef0123456789abcdef", CLIENT_SECRET);
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).toString()).isEqualTo("{\"host\":\"api.twilio.com\",\"method\":\"GET\","
                + "\"path\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json\","
                + "\"query\":[\"PageSize\",\"To\"],\"form\":[],\"contentType\":null,\"offSpec\":null}");
        assertThat(lines.get(1).toString()).isEqualTo("{\"host\":null,\"method\":\"POST\",\"path\":\"/v2/token\","
                + "\"query\":[],\"form\":[\"grant_type\",\"client_id\",\"client_secret\"],"
                + "\"contentType\":\"application/x-www-form-urlencoded\",\"offSpec\":null}");
        assertThat(Files.readString(logFile())).doesNotContain(AUTH_TOKEN, CLIENT_SECRET, "+1555", "Basic ");
    }

    @Test
    void marksTheRequestsOfAnOffSpecStretchWithItsReason() throws IOException {
        try (MockTwilioServer server = loggingServer()) {
            try (OffSpecRequests stretch = server.offSpec("a path Twilio does not have")) {
                this.http.get(server.baseUrl() + "/nowhere", null);
            }
            this.http.get(server.baseUrl() + "/nowhere/either", null);
        }

        assertThat(lines()).extracting((line) -> line.get("offSpec").asString(null))
            .containsExactly("a path Twilio does not have", null);
    }

    @Test
    void logsNothingWithoutTheProperty() {
        try (MockTwilioServer server = new MockTwilioServer().start()) {
            this.http.get(server.baseUrl() + "/nowhere", null);
        }

        assertThat(this.directory).isEmptyDirectory();
    }

    private MockTwilioServer loggingServer() {
        System.setProperty(RequestLog.DIRECTORY_PROPERTY, this.directory.toString());
        return new MockTwilioServer().account(ACCOUNT_SID, AUTH_TOKEN).start();
    }

    private List<JsonNode> lines() throws IOException {
        return Files.readAllLines(logFile()).stream().map(JsonMapper.shared()::readTree).toList();
    }

    private Path logFile() throws IOException {
        try (Stream<Path> files = Files.list(this.directory)) {
            List<Path> all = files.toList();
            assertThat(all).singleElement()
                .satisfies((file) -> assertThat(file.getFileName().toString()).endsWith(".jsonl"));
            return all.get(0);
        }
    }
}
