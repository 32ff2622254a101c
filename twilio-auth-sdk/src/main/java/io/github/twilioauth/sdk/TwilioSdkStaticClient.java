package io.github.twilioauth.sdk;

import java.util.Objects;

import com.twilio.Twilio;
import com.twilio.exception.AuthenticationException;
import com.twilio.http.TwilioRestClient;

/**
 * An SDK {@link TwilioRestClient} installed as twilio-java's static default
 * ({@link Twilio#setRestClient}), for code written as {@code Message.creator(...).create()},
 * until {@link #close()}.
 */
public final class TwilioSdkStaticClient implements AutoCloseable {

    private final TwilioRestClient restClient;

    private TwilioSdkStaticClient(TwilioRestClient restClient) {
        this.restClient = restClient;
    }

    /**
     * Installs an SDK client as the SDK's static default, replacing whatever
     * {@code Twilio.init(...)} or an earlier {@code setRestClient} set.
     * @param restClient the SDK client
     * @return the installation, to {@linkplain #close() undo}
     */
    public static TwilioSdkStaticClient install(TwilioRestClient restClient) {
        Objects.requireNonNull(restClient, "restClient must not be null");
        Twilio.setRestClient(restClient);
        return new TwilioSdkStaticClient(restClient);
    }

    /**
     * Returns the installed SDK client.
     * @return the SDK client
     */
    public TwilioRestClient getRestClient() {
        return this.restClient;
    }

    /**
     * Uninstalls the SDK client, if it is still the static default: the SDK then builds its
     * default again from {@code Twilio.init(...)} or its environment variables, on the next
     * static call. An SDK client installed by someone else since is left in place. Idempotent.
     */
    @Override
    public void close() {
        synchronized (Twilio.class) {
            if (isInstalled()) {
                Twilio.setRestClient(null);
            }
        }
    }

    /**
     * Whether the SDK's static default is this client. The SDK has no getter that does not
     * build a default when none is set; it then fails without credentials, or builds one that
     * cannot be ours.
     */
    private boolean isInstalled() {
        try {
            return Twilio.getRestClient() == this.restClient;
        }
        catch (AuthenticationException ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TwilioSdkStaticClient[" + this.restClient.getAccountSid() + "]";
    }
}
