package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.http.TwilioRestClient;

import io.github.twilioauth.autoconfigure.TwilioAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of twilio-java on the starter's Twilio clients, in the order their
 * conditions need:
 * <ol>
 * <li>{@link TwilioSdkClientConfiguration}: the SDK's {@link TwilioRestClient} on the single
 * {@code TwilioClient};</li>
 * <li>{@link TwilioSdkClientsConfiguration}: the SDK client of each tenant of the
 * {@code TwilioClients} bean;</li>
 * <li>{@link TwilioSdkStaticConfiguration}: with {@code twilio.sdk.init-static=true}, the
 * {@code TwilioRestClient} bean as the SDK's static default;</li>
 * <li>{@link TwimlWebConfiguration}: TwiML as the return value of Spring MVC and WebFlux
 * handlers, for webhook-only applications too.</li>
 * </ol>
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = TwilioAutoConfiguration.class)
@ConditionalOnClass(TwilioRestClient.class)
@Import({ TwilioSdkClientConfiguration.class, TwilioSdkClientsConfiguration.class,
        TwilioSdkStaticConfiguration.class, TwimlWebConfiguration.class })
public final class TwilioSdkAutoConfiguration {

}
