package io.github.twilioauth.store.redis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.github.twilioauth.store.DeliveryRecord;
import io.github.twilioauth.store.RecordedResponse;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a {@link DeliveryRecord} before encryption: a version, a kind, the signature hash
 * and, for a completed delivery, the status, the content type and the body, each length-prefixed.
 * Anything else, including another version's bytes, reads as {@code null}.
 */
final class DeliveryRecordCodec {

    private static final byte VERSION = 1;

    private static final byte IN_PROGRESS = 'P';

    private static final byte COMPLETED = 'C';

    private static final int SIGNATURE_HASH_LENGTH = 32;

    private DeliveryRecordCodec() {
    }

    static byte[] encode(DeliveryRecord record) {
        if (record instanceof DeliveryRecord.Completed completed) {
            RecordedResponse response = completed.response();
            String contentType = response.contentType();
            byte[] type = (contentType != null) ? contentType.getBytes(StandardCharsets.UTF_8) : null;
            ByteBuffer bytes = header(COMPLETED, record.signatureHash(),
                    4 + 4 + ((type != null) ? type.length : 0) + 4 + response.body().length);
            bytes.putInt(response.status());
            bytes.putInt((type != null) ? type.length : -1);
            if (type != null) {
                bytes.put(type);
            }
            bytes.putInt(response.body().length).put(response.body());
            return bytes.array();
        }
        return header(IN_PROGRESS, record.signatureHash(), 0).array();
    }

    private static ByteBuffer header(byte kind, byte[] signatureHash, int rest) {
        return ByteBuffer.allocate(2 + SIGNATURE_HASH_LENGTH + rest).put(VERSION).put(kind).put(signatureHash);
    }

    static @Nullable DeliveryRecord decode(byte[] encoded) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(encoded);
            if (bytes.get() != VERSION) {
                return null;
            }
            byte kind = bytes.get();
            byte[] signatureHash = new byte[SIGNATURE_HASH_LENGTH];
            bytes.get(signatureHash);
            if (kind == IN_PROGRESS && !bytes.hasRemaining()) {
                return new DeliveryRecord.InProgress(signatureHash);
            }
            if (kind != COMPLETED) {
                return null;
            }
            int status = bytes.getInt();
            int typeLength = bytes.getInt();
            String contentType = (typeLength >= 0) ? new String(read(bytes, typeLength), StandardCharsets.UTF_8) : null;
            byte[] body = read(bytes, bytes.getInt());
            return bytes.hasRemaining() ? null
                    : new DeliveryRecord.Completed(signatureHash, new RecordedResponse(status, contentType, body));
        }
        catch (BufferUnderflowException ex) {
            return null;
        }
    }

    /** Reads a length-prefixed field, checking the length against what is left before allocating. */
    private static byte[] read(ByteBuffer bytes, int length) {
        if (length < 0 || length > bytes.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] field = new byte[length];
        bytes.get(field);
        return field;
    }
}
