package io.github.twilioauth.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Asserts that a call fails with one of this library's exceptions: never with a raw Jackson
 * exception (one may only be wrapped, as a cause), and with no {@link NullPointerException} or
 * {@link ClassCastException} anywhere in the cause chain, as those reveal a bug.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Runs a call that must fail, and checks how.
     * @param <T> the type of the failure
     * @param type the exception type the call must throw
     * @param call the call
     * @return what the call threw
     */
    public static <T extends Throwable> T clearFailure(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call threw").isInstanceOf(type).isNotInstanceOf(JacksonException.class);
        assertThat(causeChain(thrown)).as("the cause chain of %s", thrown)
            .noneMatch((cause) -> cause instanceof NullPointerException || cause instanceof ClassCastException);
        return type.cast(thrown);
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
