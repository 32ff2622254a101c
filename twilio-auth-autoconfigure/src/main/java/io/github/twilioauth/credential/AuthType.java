package io.github.twilioauth.credential;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of Twilio authentication, with their {@code twilio.auth.type} property values.
 */
public enum AuthType {

    /** HTTP Basic with an Account SID and Auth Token, or an API Key SID and secret. */
    BASIC("basic"),

    /** OAuth bearer tokens of a Twilio OAuth app, fetched with the client credentials grant. */
    CLIENT_CREDENTIALS("client-credentials"),

    /** Organization-scoped OAuth bearer tokens for the Organizations APIs. */
    ORGS("orgs"),

    /** No credentials at all. */
    NOAUTH("noauth");

    private final String value;

    AuthType(String value) {
        this.value = value;
    }

    /**
     * Returns the property value of this type, for example {@code client-credentials}.
     * @return the property value
     */
    public String getValue() {
        return this.value;
    }

    /**
     * Returns the type with the given property value, ignoring case.
     * @param value a property value such as {@code orgs}
     * @return the auth type
     * @throws IllegalArgumentException listing the valid values when none matches
     */
    public static AuthType fromValue(String value) {
        for (AuthType type : values()) {
            if (type.value.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown Twilio auth type '" + value + "'; valid values are " + validValues());
    }

    /**
     * Returns the valid property values, comma separated.
     * @return the valid values
     */
    public static String validValues() {
        return Arrays.stream(values()).map(AuthType::getValue).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return this.value;
    }
}
