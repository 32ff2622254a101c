package io.github.twilioauth.webhook.request;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Twilio's request to an application when a message reaches one of the account's numbers or
 * messaging services: the "A message comes in" webhook, whose answer is TwiML.
 * <pre class="code">
 * &#64;TwilioWebhook
 * &#64;PostMapping("/sms")
 * MessagingResponse reply(&#64;ModelAttribute InboundMessage message) { ... }
 * </pre>
 * Media arrive as {@code MediaUrl0}, {@code MediaContentType0} and so on, {@link #numMedia()} of
 * each, and channel parameters (WhatsApp's {@code ProfileName}, {@code WaId}, ...) under their
 * own names: read them with {@code @RequestParam}. Other parameters Twilio sends or adds later
 * are ignored.
 *
 * @param messageSid the message's SID ({@code MessageSid}, {@code SM...} or {@code MM...})
 * @param accountSid the account it was sent to ({@code AccountSid})
 * @param messagingServiceSid the messaging service that received it ({@code MessagingServiceSid}),
 * or {@code null}
 * @param from the sender: a phone number in E.164 form or a channel address such as
 * {@code whatsapp:+15558675310} ({@code From})
 * @param to the number or channel address it was sent to ({@code To})
 * @param body the text, empty for a message of media only ({@code Body})
 * @param numMedia how many media files are attached ({@code NumMedia})
 * @param numSegments how many segments the text came in ({@code NumSegments})
 * @param status {@link MessageStatus#RECEIVED} ({@code SmsStatus}), or {@code null}
 * @param apiVersion the API version of the number, {@code 2010-04-01} ({@code ApiVersion}), or
 * {@code null}
 * @param optOutType {@code STOP}, {@code START} or {@code HELP} when the text is an opt-out
 * keyword of an Advanced Opt-Out messaging service ({@code OptOutType}), else {@code null}
 * @param fromCity the sender's city, as the carrier tells ({@code FromCity}), or {@code null}
 * @param fromState the sender's state or province ({@code FromState}), or {@code null}
 * @param fromZip the sender's postal code ({@code FromZip}), or {@code null}
 * @param fromCountry the sender's country ({@code FromCountry}), or {@code null}
 * @param toCity the city of the number it was sent to ({@code ToCity}), or {@code null}
 * @param toState its state or province ({@code ToState}), or {@code null}
 * @param toZip its postal code ({@code ToZip}), or {@code null}
 * @param toCountry its country ({@code ToCountry}), or {@code null}
 */
public record InboundMessage(@BindParam("MessageSid") String messageSid, @BindParam("AccountSid") String accountSid,
        @BindParam("MessagingServiceSid") @Nullable String messagingServiceSid, @BindParam("From") String from,
        @BindParam("To") String to, @BindParam("Body") String body, @BindParam("NumMedia") int numMedia,
        @BindParam("NumSegments") int numSegments, @BindParam("SmsStatus") @Nullable MessageStatus status,
        @BindParam("ApiVersion") @Nullable String apiVersion, @BindParam("OptOutType") @Nullable String optOutType,
        @BindParam("FromCity") @Nullable String fromCity, @BindParam("FromState") @Nullable String fromState,
        @BindParam("FromZip") @Nullable String fromZip, @BindParam("FromCountry") @Nullable String fromCountry,
        @BindParam("ToCity") @Nullable String toCity, @BindParam("ToState") @Nullable String toState,
        @BindParam("ToZip") @Nullable String toZip, @BindParam("ToCountry") @Nullable String toCountry) {
}
