/**
 * Auth strategies: how an outgoing request is authenticated (Basic, Bearer token, none).
 */
@NullMarked
package io.github.twilioauth.strategy;

import org.jspecify.annotations.NullMarked;
