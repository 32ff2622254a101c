package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.twiml.TwiML;

import io.github.twilioauth.sdk.twiml.EmptyTwimlResultHandler;
import io.github.twilioauth.sdk.twiml.EmptyTwimlReturnValueHandler;
import io.github.twilioauth.sdk.twiml.TwimlEncoder;
import io.github.twilioauth.sdk.twiml.TwimlHttpMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * twilio-java's TwiML as the return value of a Spring MVC or WebFlux handler: the
 * {@link TwimlHttpMessageConverter} among the server's message converters, or the
 * {@link TwimlEncoder} among its codecs, and the handlers that answer {@code <Response/>} for a
 * TwiML handler that returns nothing. Independent of the Twilio clients: a webhook-only
 * application gets it too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TwiML.class)
class TwimlWebConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnClass({ RequestMappingHandlerAdapter.class, ServerHttpMessageConvertersCustomizer.class })
    static class ServletTwimlConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "twimlServerHttpMessageConvertersCustomizer")
        ServerHttpMessageConvertersCustomizer twimlServerHttpMessageConvertersCustomizer() {
            return (converters) -> converters.addCustomConverter(new TwimlHttpMessageConverter());
        }

        @Bean
        @ConditionalOnMissingBean(name = "emptyTwimlReturnValueHandlerInstaller")
        SmartInitializingSingleton emptyTwimlReturnValueHandlerInstaller(
                ObjectProvider<RequestMappingHandlerAdapter> adapters) {
            return () -> adapters.orderedStream().forEach(EmptyTwimlReturnValueHandler::installOn);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    @ConditionalOnClass({ HandlerResultHandler.class, CodecCustomizer.class })
    static class ReactiveTwimlConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "twimlCodecCustomizer")
        CodecCustomizer twimlCodecCustomizer() {
            return (codecs) -> codecs.customCodecs().register(new TwimlEncoder());
        }

        @Bean
        @ConditionalOnMissingBean
        EmptyTwimlResultHandler emptyTwimlResultHandler() {
            return new EmptyTwimlResultHandler(ReactiveAdapterRegistry.getSharedInstance());
        }
    }
}
