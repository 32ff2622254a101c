package io.github.twilioauth.sdk.twiml;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.twilio.twiml.TwiML;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.util.MimeType;

/**
 * Encodes twilio-java's {@link TwiML} ({@code MessagingResponse}, {@code VoiceResponse}, ...) as
 * the XML of its {@link TwiML#toXml()}: {@code application/xml} (or {@code text/xml}), in UTF-8,
 * the encoding the XML declares. Thread-safe.
 */
public final class TwimlEncoder extends AbstractEncoder<TwiML> {

    /**
     * Creates the encoder.
     */
    public TwimlEncoder() {
        super(new MimeType("application", "xml", StandardCharsets.UTF_8),
                new MimeType("text", "xml", StandardCharsets.UTF_8));
    }

    @Override
    public boolean canEncode(ResolvableType elementType, @Nullable MimeType mimeType) {
        return TwiML.class.isAssignableFrom(elementType.toClass()) && super.canEncode(elementType, mimeType);
    }

    @Override
    public Flux<DataBuffer> encode(Publisher<? extends TwiML> twiml, DataBufferFactory bufferFactory,
            ResolvableType elementType, @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        return Flux.from(twiml).map((value) -> encodeValue(value, bufferFactory, elementType, mimeType, hints));
    }

    @Override
    public DataBuffer encodeValue(TwiML twiml, DataBufferFactory bufferFactory, ResolvableType valueType,
            @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
        return bufferFactory.wrap(twiml.toXml().getBytes(StandardCharsets.UTF_8));
    }
}
