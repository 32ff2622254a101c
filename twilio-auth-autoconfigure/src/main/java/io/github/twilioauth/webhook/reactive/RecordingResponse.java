package io.github.twilioauth.webhook.reactive;

import java.nio.ByteBuffer;

import io.github.twilioauth.webhook.ResponseRecorder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The response to a claimed webhook delivery: each buffer the handler writes goes to the client
 * as it would and is copied, as it goes, to the {@link ResponseRecorder}. Nothing is held back or
 * delayed.
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    private final ResponseRecorder recorder;

    RecordingResponse(ServerHttpResponse response, ResponseRecorder recorder) {
        super(response);
        this.recorder = recorder;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return super.writeWith(Flux.from(body).doOnNext(this::copy));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return super.writeAndFlushWith(Flux.from(body).map((buffers) -> Flux.from(buffers).doOnNext(this::copy)));
    }

    private void copy(DataBuffer buffer) {
        if (this.recorder.isCopying()) {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
            this.recorder.write(bytes, 0, bytes.length);
        }
    }
}
