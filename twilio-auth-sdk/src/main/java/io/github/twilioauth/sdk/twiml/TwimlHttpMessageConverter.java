package io.github.twilioauth.sdk.twiml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.twilio.twiml.TwiML;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes twilio-java's {@link TwiML} ({@code MessagingResponse}, {@code VoiceResponse}, ...) as
 * the XML of its {@link TwiML#toXml()}: {@code application/xml} (or {@code text/xml} when that is
 * what the request accepts), in UTF-8, the encoding the XML declares. Reads nothing: TwiML is an
 * answer to Twilio, never a request body. Thread-safe.
 */
public final class TwimlHttpMessageConverter extends AbstractHttpMessageConverter<TwiML> {

    /**
     * Creates the converter.
     */
    public TwimlHttpMessageConverter() {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_XML, MediaType.TEXT_XML);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return TwiML.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    protected TwiML readInternal(Class<? extends TwiML> type, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("TwiML is written, never read", inputMessage);
    }

    @Override
    protected void writeInternal(TwiML twiml, HttpOutputMessage outputMessage) throws IOException {
        outputMessage.getBody().write(twiml.toXml().getBytes(StandardCharsets.UTF_8));
    }
}
