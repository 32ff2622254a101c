package io.github.twilioauth.autoconfigure;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of Twilio clients from the {@code twilio.*} properties: the single
 * {@link TwilioClient} of {@code twilio.auth.*}, the {@link TwilioClients} of
 * {@code twilio.tenants} and of a {@code TwilioTenantRepository} bean, and what they share. Each part is a configuration of its own, imported
 * in the order their conditions need:
 * <ol>
 * <li>{@link TwilioTokenConfiguration}: the token engine shared by every built-in token manager,
 * and the single client's, when a client uses OAuth tokens;</li>
 * <li>{@link TwilioCredentialsConfiguration}: the single client's {@code CredentialProvider};</li>
 * <li>{@link TwilioHttpConfiguration}: the HTTP client and retries every Twilio client shares;</li>
 * <li>{@link TwilioClientConfiguration}: the single client, on the {@code CredentialProvider} bean;</li>
 * <li>{@link TwilioClientsConfiguration}: the tenants' clients, configured and from a repository;</li>
 * <li>{@link TwilioSanitizingConfiguration}: the masking of Twilio secrets in Actuator's endpoints.</li>
 * </ol>
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(TwilioProperties.class)
@Import({ TwilioTokenConfiguration.class, TwilioCredentialsConfiguration.class, TwilioHttpConfiguration.class,
        TwilioClientConfiguration.class, TwilioClientsConfiguration.class, TwilioSanitizingConfiguration.class })
public final class TwilioAutoConfiguration {

    /** Name of the {@link RestClient} bean that carries the single client's credentials. */
    public static final String REST_CLIENT_BEAN_NAME = "twilioRestClient";

    /** Name of the request factory of every Twilio client, the single one and the tenants'. */
    public static final String REQUEST_FACTORY_BEAN_NAME = "twilioRequestFactory";

    /** Name of the executor that runs token requests. */
    public static final String TOKEN_EXECUTOR_BEAN_NAME = "twilioTokenExecutor";

    /** Name of the request factory of token requests. */
    public static final String TOKEN_REQUEST_FACTORY_BEAN_NAME = "twilioTokenRequestFactory";

    /** Name of the {@code SanitizingFunction} bean that masks Twilio secrets; a bean of that name replaces ours. */
    public static final String SANITIZING_FUNCTION_BEAN_NAME = "twilioSanitizingFunction";

}
