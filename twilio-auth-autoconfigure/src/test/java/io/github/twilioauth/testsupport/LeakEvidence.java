package io.github.twilioauth.testsupport;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a secret-leak test searches for secrets: the whole text of the exceptions and the
 * {@code toString()} of the objects it collects, then the log events a {@link TraceLogRecorder}
 * recorded and the console output. Each finding names where the secret was, with the secret
 * replaced by its name, so the report leaks nothing either.
 */
public final class LeakEvidence {

    private final Map<String, String> texts = new LinkedHashMap<>();

    /**
     * Runs a call meant to fail and collects the whole text of its failure.
     * @param call the call
     */
    public void failureOf(ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).as("the failure of a call meant to fail").isNotNull();
        add("exception", ThrowablesText.of(failure));
    }

    /**
     * Collects the {@code toString()} of each object.
     * @param objects the objects
     */
    public void describe(Object... objects) {
        for (Object object : objects) {
            add("toString() of " + object.getClass().getName(), String.valueOf(object));
        }
    }

    /**
     * Collects a text.
     * @param where what the text is, for the report
     * @param text the text
     */
    public void add(String where, String text) {
        this.texts.put(where + " " + this.texts.size(), text);
    }

    /**
     * Searches everything collected, the log events and the console output for every secret.
     * @param secrets each secret, keyed by its value, with a name to report it by
     * @param logged the log events, each starting with its level and logger name
     * @param console the console output
     * @return the findings, empty when nothing leaked
     */
    public Set<String> findings(Map<String, String> secrets, List<String> logged, String console) {
        Map<String, String> searched = new LinkedHashMap<>(this.texts);
        for (int i = 0; i < logged.size(); i++) {
            String[] levelAndLogger = logged.get(i).split(" ", 3);
            searched.put(levelAndLogger[0] + " event of logger " + levelAndLogger[1] + " " + i, logged.get(i));
        }
        searched.put("console output", console);
        Set<String> findings = new LinkedHashSet<>();
        searched.forEach((where, text) -> secrets.forEach((secret, name) -> {
            int at = text.indexOf(secret);
            if (at >= 0) {
                String excerpt = text.substring(Math.max(0, at - 120), Math.min(text.length(),
                        at + secret.length() + 40));
                findings.add(name + " in " + where.replaceAll(" [0-9]+$", "") + ": ..."
                        + excerpt.replace(secret, "<" + name + ">") + "...");
            }
        }));
        return findings;
    }
}
