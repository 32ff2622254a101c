/**
 * Auto-configuration of what the instances of an application share in Redis: access tokens and
 * the records of duplicate webhook deliveries.
 */
@NullMarked
package io.github.twilioauth.autoconfigure.store;

import org.jspecify.annotations.NullMarked;
