/**
 * Credential providers (basic, OAuth client credentials, organizations, no auth) and their builders.
 */
@NullMarked
package io.github.twilioauth.credential;

import org.jspecify.annotations.NullMarked;
