package io.github.twilioauth.sdk;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import io.github.twilioauth.client.TwilioRawResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The SDK's {@link Response} on the body and headers of an exchange, converted only when asked
 * for: {@link #getStream()}, which the SDK's resources read their JSON from, is a new stream over
 * the same bytes on each call; {@link #getContent()} decodes them; and the headers become the
 * SDK's type on the first call of {@link #getHeaders()}, which most calls never make.
 */
final class ExchangedResponse extends Response {

    private final byte[] body;

    private final HttpHeaders headers;

    /** The headers in the SDK's type once asked for; callers racing to convert them make the same. */
    private volatile Header @Nullable [] sdkHeaders;

    ExchangedResponse(TwilioRawResponse response) {
        super((String) null, response.statusCode(), null);
        this.body = response.body();
        this.headers = response.headers();
    }

    @Override
    public String getContent() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream getStream() {
        return new ByteArrayInputStream(this.body);
    }

    @Override
    public Header[] getHeaders() {
        Header[] converted = this.sdkHeaders;
        if (converted == null) {
            List<Header> all = new ArrayList<>(this.headers.size());
            this.headers.forEach((name, values) -> values.forEach((value) -> all.add(new BasicHeader(name, value))));
            converted = all.toArray(new Header[0]);
            this.sdkHeaders = converted;
        }
        return converted;
    }
}
