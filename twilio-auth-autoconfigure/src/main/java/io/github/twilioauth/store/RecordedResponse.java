package io.github.twilioauth.store;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The response to a webhook delivery, as it is replayed to the delivery's duplicates: its status,
 * its content type and its body.
 * <p>
 * Immutable by contract: {@link #body()} is not copied, and no one changes it.
 * {@link #toString()} shows the status, the content type and the body's size, never the body.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or {@code null} when the response had none
 * @param body the body
 */
public record RecordedResponse(int status, @Nullable String contentType, byte[] body) {

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RecordedResponse that && this.status == that.status
                && Objects.equals(this.contentType, that.contentType) && Arrays.equals(this.body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.status, this.contentType, Arrays.hashCode(this.body));
    }

    @Override
    public String toString() {
        return "RecordedResponse[" + this.status + " " + this.contentType + ", " + this.body.length + " bytes]";
    }
}
