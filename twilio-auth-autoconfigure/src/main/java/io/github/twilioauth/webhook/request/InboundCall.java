package io.github.twilioauth.webhook.request;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Twilio's request to an application when a call reaches one of the account's numbers, SIP
 * domains or clients: the "A call comes in" webhook, whose answer is TwiML.
 * <pre class="code">
 * &#64;TwilioWebhook
 * &#64;PostMapping("/voice")
 * VoiceResponse answer(&#64;ModelAttribute InboundCall call) { ... }
 * </pre>
 * Parameters of some calls (SIP, STIR/SHAKEN's {@code StirVerstat}, {@code CallToken}) and of
 * later requests of the same call ({@code Digits} of a {@code <Gather>}, ...) are ignored, as
 * are parameters Twilio adds later: read them with {@code @RequestParam}.
 *
 * @param callSid the call's SID ({@code CallSid}, {@code CA...})
 * @param accountSid the account called ({@code AccountSid})
 * @param from the caller: a phone number in E.164 form, a SIP URI or {@code client:name}
 * ({@code From})
 * @param to the number, SIP URI or client called ({@code To})
 * @param status the call's status, {@link CallStatus#RINGING} for a new call ({@code CallStatus})
 * @param direction {@link CallDirection#INBOUND}, or an outbound direction for the webhook of a
 * call the application placed ({@code Direction})
 * @param apiVersion the API version of the number ({@code ApiVersion}), or {@code null}
 * @param forwardedFrom the number that forwarded the call, when the carrier tells
 * ({@code ForwardedFrom}), else {@code null}
 * @param callerName the caller's name, when the number looks it up ({@code CallerName}), else
 * {@code null}
 * @param parentCallSid the SID of the call that created this one, such as by {@code <Dial>}
 * ({@code ParentCallSid}), else {@code null}
 * @param fromCity the caller's city ({@code FromCity}), or {@code null}
 * @param fromState the caller's state or province ({@code FromState}), or {@code null}
 * @param fromZip the caller's postal code ({@code FromZip}), or {@code null}
 * @param fromCountry the caller's country ({@code FromCountry}), or {@code null}
 * @param toCity the city of the number called ({@code ToCity}), or {@code null}
 * @param toState its state or province ({@code ToState}), or {@code null}
 * @param toZip its postal code ({@code ToZip}), or {@code null}
 * @param toCountry its country ({@code ToCountry}), or {@code null}
 */
public record InboundCall(@BindParam("CallSid") String callSid, @BindParam("AccountSid") String accountSid,
        @BindParam("From") String from, @BindParam("To") String to, @BindParam("CallStatus") CallStatus status,
        @BindParam("Direction") CallDirection direction, @BindParam("ApiVersion") @Nullable String apiVersion,
        @BindParam("ForwardedFrom") @Nullable String forwardedFrom,
        @BindParam("CallerName") @Nullable String callerName,
        @BindParam("ParentCallSid") @Nullable String parentCallSid, @BindParam("FromCity") @Nullable String fromCity,
        @BindParam("FromState") @Nullable String fromState, @BindParam("FromZip") @Nullable String fromZip,
        @BindParam("FromCountry") @Nullable String fromCountry, @BindParam("ToCity") @Nullable String toCity,
        @BindParam("ToState") @Nullable String toState, @BindParam("ToZip") @Nullable String toZip,
        @BindParam("ToCountry") @Nullable String toCountry) {
}
