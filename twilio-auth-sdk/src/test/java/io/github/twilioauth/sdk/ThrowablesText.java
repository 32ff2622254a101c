package io.github.twilioauth.sdk;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The whole text of a throwable as a log or a console would show it: its {@code toString()},
 * every stack frame, and the same for every cause and suppressed exception.
 */
final class ThrowablesText {

    private ThrowablesText() {
    }

    static String of(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
