package io.github.twilioauth;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Twilio SIDs: two capital letters that say what a resource is ({@code AC} an account,
 * {@code SK} an API key, {@code SM} a message, ...) followed by 32 hexadecimal characters.
 */
public final class Sids {

    private static final int LENGTH = 34;

    private Sids() {
    }

    /**
     * Returns whether a value has the form of a SID of any kind.
     * @param value the value, possibly {@code null}
     * @return whether it is two capital letters and 32 hexadecimal characters
     */
    @Contract("null -> false")
    public static boolean isSid(@Nullable String value) {
        if (value == null || value.length() != LENGTH || !isCapital(value.charAt(0)) || !isCapital(value.charAt(1))) {
            return false;
        }
        for (int i = 2; i < LENGTH; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether a value has the form of a SID of the given kind.
     * @param value the value, possibly {@code null}
     * @param prefix the kind, such as {@code AC}
     * @return whether it is a SID that starts with the prefix
     */
    public static boolean isSid(@Nullable String value, String prefix) {
        return isSid(value) && value.startsWith(prefix);
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
