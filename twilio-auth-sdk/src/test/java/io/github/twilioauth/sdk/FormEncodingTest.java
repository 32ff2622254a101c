package io.github.twilioauth.sdk;

import java.nio.charset.StandardCharsets;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FormEncoding} writes the bytes of the SDK's own {@code Request.encodeFormBody()}.
 */
class FormEncodingTest {

    private static Request request() {
        return new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
    }

    private static void assertEncodedAsTheSdkDoes(Request request) {
        assertThat(FormEncoding.encode(request.getPostParams())).asString(StandardCharsets.US_ASCII)
            .isEqualTo(request.encodeFormBody());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Hello", "+15558675310", "a b", "AZaz09-_.*", " !\"#$%&'()+,/:;<=>?@[\\]^`{|}~",
            "tab\tand\nnewline", "Grüße", "日本語 text", "emoji 😀 here", "😀", "lone \uD83D surrogate",
            "\uDE00 low first", "" })
    void encodesNamesAndValuesAsTheSdkDoes(String text) {
        Request request = request();
        request.addPostParam(text.isEmpty() ? "Body" : text, text);

        assertEncodedAsTheSdkDoes(request);
    }

    @Test
    void encodesEveryValueOfEveryParameterInTheSdksOrder() {
        Request request = request();
        request.addPostParam("To", "+15558675310");
        request.addPostParam("From", "+15005550006");
        request.addPostParam("MediaUrl", "https://example.com/a.png?x=1&y=2");
        request.addPostParam("MediaUrl", "https://example.com/b.png");
        request.addPostParam("Body", "Two pictures, à toi");

        assertEncodedAsTheSdkDoes(request);
    }

    @Test
    void encodesNoParametersAsAnEmptyBody() {
        assertEncodedAsTheSdkDoes(request());
        assertThat(FormEncoding.encode(request().getPostParams())).isEmpty();
    }
}
