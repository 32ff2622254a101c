/**
 * What several instances of an application share: the records of duplicate webhook deliveries
 * (in memory by default, in Redis with {@link io.github.twilioauth.store.redis}), and the pieces
 * every shared store is built from: {@link io.github.twilioauth.store.StoreCipher} (encryption at
 * rest) and {@link io.github.twilioauth.store.CircuitBreaker} (no waiting on a store that is
 * down).
 */
@NullMarked
package io.github.twilioauth.store;

import org.jspecify.annotations.NullMarked;
