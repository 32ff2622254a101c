package io.github.twilioauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * The {@code User-Agent} of every request to Twilio, API calls and token requests alike, in the
 * form Twilio's own SDKs use, so that Twilio's support can tell which integration sent a call:
 * {@code twilio-auth-spring-boot/{version} ({os.name} {os.arch}) java/{java.version}
 * spring-boot/{version}}. It carries no account, key or credential.
 */
public final class TwilioUserAgent {

    /** The product name that starts the value. */
    public static final String PRODUCT = "twilio-auth-spring-boot";

    private static final String VERSION = readVersion();

    private TwilioUserAgent() {
    }

    /**
     * Returns this library's version.
     * @return the version, such as {@code 0.1.0}
     */
    public static String version() {
        return VERSION;
    }

    /**
     * Returns the value of the {@code User-Agent} header.
     * @param springBootVersion the Spring Boot version the application runs on, or {@code null}
     * outside Spring Boot (the part is then left out)
     * @return the header value
     */
    public static String of(@Nullable String springBootVersion) {
        return PRODUCT + "/" + VERSION + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ") java/" + System.getProperty("java.version")
                + ((springBootVersion != null) ? " spring-boot/" + springBootVersion : "");
    }

    private static String readVersion() {
        try (InputStream in = TwilioUserAgent.class.getResourceAsStream("twilio-auth.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/github/twilioauth/twilio-auth.properties is missing from the"
                        + " twilio-auth-spring-boot jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
