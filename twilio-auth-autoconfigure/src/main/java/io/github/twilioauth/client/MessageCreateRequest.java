package io.github.twilioauth.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a new message. Create with {@link #builder()}.
 * <p>
 * Twilio requires {@code To}, one of {@code From} and {@code MessagingServiceSid}, and one of
 * {@code Body}, {@code MediaUrl} and {@code ContentSid}; {@link Builder#build()} checks that.
 */
public final class MessageCreateRequest {

    private final Map<String, Object> params;

    private MessageCreateRequest(Map<String, Object> params) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Returns a new builder.
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the form parameters, named as Twilio names them ({@code To}, {@code MediaUrl}...).
     * @return the parameters; repeatable ones as lists
     */
    public Map<String, Object> toFormParams() {
        return this.params;
    }

    @Override
    public String toString() {
        return "MessageCreateRequest" + this.params.keySet();
    }

    /**
     * Builder of {@link MessageCreateRequest}.
     */
    public static final class Builder {

        private final Map<String, Object> params = new LinkedHashMap<>();

        private final List<String> mediaUrls = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the recipient.
         * @param to a phone number in E.164 form, or a channel address such as {@code whatsapp:+1...}
         * @return this builder
         */
        public Builder to(String to) {
            return param("To", to);
        }

        /**
         * Sets the sender.
         * @param from a Twilio phone number, short code or channel address
         * @return this builder
         */
        public Builder from(String from) {
            return param("From", from);
        }

        /**
         * Sets the messaging service that picks the sender.
         * @param messagingServiceSid the service SID ({@code MG...})
         * @return this builder
         */
        public Builder messagingServiceSid(String messagingServiceSid) {
            return param("MessagingServiceSid", messagingServiceSid);
        }

        /**
         * Sets the text.
         * @param body the message text
         * @return this builder
         */
        public Builder body(String body) {
            return param("Body", body);
        }

        /**
         * Adds a media file; may be called several times.
         * @param mediaUrl a public URL of the media
         * @return this builder
         */
        public Builder mediaUrl(String mediaUrl) {
            if (mediaUrl != null) {
                this.mediaUrls.add(mediaUrl);
            }
            return this;
        }

        /**
         * Sets the content template to send.
         * @param contentSid the content SID ({@code HX...})
         * @return this builder
         */
        public Builder contentSid(String contentSid) {
            return param("ContentSid", contentSid);
        }

        /**
         * Sets the URL Twilio calls with status updates.
         * @param statusCallback the callback URL
         * @return this builder
         */
        public Builder statusCallback(String statusCallback) {
            return param("StatusCallback", statusCallback);
        }

        private Builder param(String name, String value) {
            if (value == null) {
                this.params.remove(name);
            }
            else {
                this.params.put(name, value);
            }
            return this;
        }

        /**
         * Builds the request.
         * @return the request
         * @throws IllegalStateException when a parameter Twilio requires is missing
         */
        public MessageCreateRequest build() {
            if (!this.params.containsKey("To")) {
                throw new IllegalStateException("MessageCreateRequest: to is required");
            }
            if (!this.params.containsKey("From") && !this.params.containsKey("MessagingServiceSid")) {
                throw new IllegalStateException("MessageCreateRequest: from or messagingServiceSid is required");
            }
            if (!this.params.containsKey("Body") && !this.params.containsKey("ContentSid") && this.mediaUrls.isEmpty()) {
                throw new IllegalStateException("MessageCreateRequest: body, mediaUrl or contentSid is required");
            }
            Map<String, Object> all = new LinkedHashMap<>(this.params);
            if (!this.mediaUrls.isEmpty()) {
                all.put("MediaUrl", List.copyOf(this.mediaUrls));
            }
            return new MessageCreateRequest(all);
        }
    }
}
