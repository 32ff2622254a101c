package io.github.twilioauth.strategy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twilioauth.token.TokenManager;

/**
 * A {@link TokenManager} for tests: returns the token it was last given and records how it
 * was called.
 */
public final class FakeTokenManager implements TokenManager {

    private volatile String token;

    private final AtomicInteger getTokenCalls = new AtomicInteger();

    private final List<String> rejectedTokens = new CopyOnWriteArrayList<>();

    /**
     * Creates a manager that returns the given token.
     * @param token the token {@link #getToken()} returns, possibly {@code null}
     */
    public FakeTokenManager(String token) {
        this.token = token;
    }

    /**
     * Changes the token returned from now on.
     * @param token the new token
     */
    public void setToken(String token) {
        this.token = token;
    }

    /**
     * Returns how many times {@link #getToken()} was called.
     * @return the number of calls
     */
    public int getTokenCalls() {
        return this.getTokenCalls.get();
    }

    /**
     * Returns the tokens passed to {@link #refreshToken(String)}, in call order.
     * @return the rejected tokens
     */
    public List<String> rejectedTokens() {
        return List.copyOf(this.rejectedTokens);
    }

    @Override
    public String getToken() {
        this.getTokenCalls.incrementAndGet();
        return this.token;
    }

    @Override
    public String refreshToken() {
        return this.token;
    }

    @Override
    public String refreshToken(String rejectedToken) {
        this.rejectedTokens.add(rejectedToken);
        return this.token;
    }

    @Override
    public void clearToken() {
    }

    @Override
    public String toString() {
        return "FakeTokenManager";
    }
}
