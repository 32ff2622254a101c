package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Where the built-in token managers of several instances of an application share their tokens,
 * so that the fleet makes one token request per client at a cold start and per renewal, however
 * many instances there are. Given to the managers by {@link TokenManagerSettings#tokenStore()};
 * without one, each manager keeps its tokens to itself.
 * <p>
 * A manager consults its store only when it would otherwise request a token: a cached token never
 * touches the store. Before each token request it {@linkplain Slot#claim claims} its slot: it
 * takes a token another instance published, or the lease to request one for everyone, waiting a
 * bounded time while another instance holds the lease; after the request it
 * {@linkplain Claim#publish publishes} the token, or {@linkplain Claim#release releases} the
 * lease. Both run on the manager's task on the token executor, never on a caller's thread.
 * <p>
 * A store is never a reason for a token request to fail: implementations return from every
 * method within a bound of their own and never throw, and a store that cannot answer answers
 * with a {@link Claim} that holds neither a token nor the lease, so the manager requests its own
 * token. Implementations are thread-safe, keep what they hold encrypted (an access token is a
 * credential), and return tokens whose deadlines are readings of the manager's {@link Ticker}.
 */
public interface TokenStore {

    /**
     * Returns the slot of one manager's token, once, when the manager is created. Managers of the
     * same token type, client id and token endpoint share a slot, on any instance; the client
     * secret may key the encryption, but never appears in the store.
     * @param tokenType the kind of token, {@code api} or {@code orgs}
     * @param options the manager's credentials and token endpoint
     * @param settings the manager's settings: its ticker, and the timeouts that bound one token
     * request and so the lease of one
     * @return the slot
     */
    Slot slot(String tokenType, TokenManagerOptions options, TokenManagerSettings settings);

    /**
     * One manager's place in the store. Thread-safe; its manager claims it from one thread at a
     * time.
     */
    interface Slot {

        /**
         * Takes a token another instance published, when {@code wanted} accepts it, or else the
         * lease to request one for every instance. While another instance holds the lease, waits
         * for the token it publishes, at most {@code maxWait}, pausing with {@code pause} between
         * two looks, and takes the lease once it is free.
         * @param wanted whether a published token would do: it must be newer than the one the
         * manager has
         * @param maxWait the longest wait for another instance's lease
         * @param pause waits between two looks; returns {@code false} when the token is no
         * longer wanted, and the claim then ends at once
         * @return the claim, which holds a token, the lease, or neither when the store did not
         * answer in time or the wait ended
         */
        Claim claim(Predicate<SharedToken> wanted, Duration maxWait, Pause pause);
    }

    /**
     * The outcome of a claim: a published token to use, or the duty to request one and then
     * publish or release it.
     */
    interface Claim {

        /**
         * Returns the token another instance published, if the claim found one.
         * @return the token, or {@code null} when the manager requests its own
         */
        @Nullable SharedToken token();

        /**
         * Returns whether this claim holds the lease: the token requested next serves every
         * instance.
         * @return whether the lease was won
         */
        boolean leased();

        /**
         * Returns whether another instance held the lease while this claim looked, so that the
         * claim waited for it.
         * @return whether a lease was lost
         */
        boolean waited();

        /**
         * Publishes the token requested after this claim, and releases the lease if the claim
         * holds it; a published token that lives longer stays. Returns without waiting for the
         * store: managers do not wait for the future.
         * @param token the token
         * @return completes once the store has answered, exceptionally if it failed
         */
        CompletableFuture<Void> publish(SharedToken token);

        /**
         * Releases the lease, if the claim holds it, after a token request that failed. Returns
         * without waiting for the store: managers do not wait for the future.
         * @return completes once the store has answered, exceptionally if it failed
         */
        CompletableFuture<Void> release();
    }

    /**
     * Waits between two looks at a slot.
     */
    @FunctionalInterface
    interface Pause {

        /**
         * Waits.
         * @param wait how long at most
         * @return whether to look again; {@code false} when the token is no longer wanted
         */
        boolean await(Duration wait);
    }
}
