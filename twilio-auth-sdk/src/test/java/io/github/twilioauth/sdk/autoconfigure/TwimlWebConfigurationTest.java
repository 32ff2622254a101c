package io.github.twilioauth.sdk.autoconfigure;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiML;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.sdk.twiml.EmptyTwimlResultHandler;
import io.github.twilioauth.sdk.twiml.EmptyTwimlReturnValueHandler;
import io.github.twilioauth.sdk.twiml.TwimlEncoder;
import io.github.twilioauth.sdk.twiml.TwimlHttpMessageConverter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where TwiML return values are wired: the servlet and reactive stacks each get theirs, other
 * applications nothing, and none without twilio-java.
 */
class TwimlWebConfigurationTest {

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                TwilioSdkAutoConfiguration.class));

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
                TwilioSdkAutoConfiguration.class));

    @Test
    void springMvcWritesTwimlBeforeAnyOtherConverterAndAsksTheEmptyResponseHandlerFirst() {
        this.servlet.run((context) -> {
            RequestMappingHandlerAdapter adapter = context.getBean(RequestMappingHandlerAdapter.class);
            assertThat(adapter.getMessageConverters().stream()
                .filter((converter) -> converter.canWrite(MessagingResponse.class, MediaType.APPLICATION_XML))
                .findFirst()).containsInstanceOf(TwimlHttpMessageConverter.class);
            assertThat(adapter.getReturnValueHandlers()).first().isInstanceOf(EmptyTwimlReturnValueHandler.class);
            assertThat(adapter.getReturnValueHandlers()).filteredOn(EmptyTwimlReturnValueHandler.class::isInstance)
                .hasSize(1);
        });
    }

    @Test
    void springWebFluxEncodesTwimlBeforeAnyOtherWriterAndHasTheEmptyResponseHandler() {
        this.reactive.run((context) -> {
            assertThat(context).hasSingleBean(EmptyTwimlResultHandler.class);
            HttpMessageWriter<?> writer = context.getBean(ServerCodecConfigurer.class)
                .getWriters()
                .stream()
                .filter((candidate) -> candidate.canWrite(ResolvableType.forClass(MessagingResponse.class),
                        MediaType.APPLICATION_XML))
                .findFirst()
                .orElseThrow();
            assertThat(writer).isInstanceOf(EncoderHttpMessageWriter.class);
            assertThat(((EncoderHttpMessageWriter<?>) writer).getEncoder()).isInstanceOf(TwimlEncoder.class);
        });
    }

    @Test
    void anEmptyResponseHandlerOfTheApplicationReplacesOurs() {
        EmptyTwimlResultHandler own = new EmptyTwimlResultHandler(ReactiveAdapterRegistry.getSharedInstance());
        this.reactive.withBean(EmptyTwimlResultHandler.class, () -> own)
            .run((context) -> assertThat(context).getBean(EmptyTwimlResultHandler.class).isSameAs(own));
    }

    @Test
    void anApplicationThatIsNoWebApplicationGetsNothing() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TwilioSdkAutoConfiguration.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(EmptyTwimlResultHandler.class)
                .doesNotHaveBean("twimlServerHttpMessageConvertersCustomizer")
                .doesNotHaveBean("twimlCodecCustomizer"));
    }

    @Test
    void withoutTwilioJavaOnTheClasspathNothingIsWired() {
        this.servlet.withClassLoader(new FilteredClassLoader(TwiML.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("twimlServerHttpMessageConvertersCustomizer")
                .doesNotHaveBean("emptyTwimlReturnValueHandlerInstaller"));
        this.reactive.withClassLoader(new FilteredClassLoader(TwiML.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(EmptyTwimlResultHandler.class)
                .doesNotHaveBean("twimlCodecCustomizer"));
    }
}
