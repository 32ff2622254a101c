package io.github.twilioauth.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The whole text of a throwable as a log or a console would show it: its {@code toString()},
 * every stack frame, and the same for every cause and suppressed exception.
 */
public final class ThrowablesText {

    private ThrowablesText() {
    }

    /**
     * Returns the text of a throwable.
     * @param throwable the throwable
     * @return its text, stack frames and causes included
     */
    public static String of(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
