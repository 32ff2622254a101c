package io.github.twilioauth.autoconfigure.check;

import java.util.List;
import java.util.stream.Collectors;

import io.github.twilioauth.autoconfigure.TwilioConfigurationException;

/**
 * One thing wrong with the {@code twilio.*} configuration, as a startup failure report tells
 * it: never a property's value.
 *
 * @param property the key at fault
 * @param description what is wrong
 * @param action how to fix it
 */
record Problem(String property, String description, String action) {

    /**
     * Returns the exception that fails startup with these problems, one report for all.
     * @param problems the problems, at least one
     * @return the exception, which {@code TwilioConfigurationFailureAnalyzer} reports
     */
    static TwilioConfigurationException failure(List<Problem> problems) {
        if (problems.size() == 1) {
            Problem problem = problems.get(0);
            return new TwilioConfigurationException(problem.property(), problem.description(), problem.action());
        }
        return new TwilioConfigurationException(
                problems.stream().map(Problem::property).collect(Collectors.joining(", ")),
                problems.size() + " problems:" + list(problems.stream().map(Problem::description).toList()),
                "Fix each:" + list(problems.stream().map(Problem::action).toList()));
    }

    private static String list(List<String> items) {
        return items.stream().map((item) -> System.lineSeparator() + "  - " + item).collect(Collectors.joining());
    }
}
