package io.github.twilioauth.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.github.twilioauth.test.MessageStore.StoredMessage;

/**
 * The filters of a Messages list: {@code To}, {@code From}, and {@code DateSent} with its
 * {@code DateSent<} (on or before) and {@code DateSent>} (on or after) forms. Dates are GMT
 * days ({@code 2008-01-02}), or instants in the other forms the spec's examples show (RFC 2822,
 * {@code 2019-06-11 22:05:25.000}, {@code 06/11/2019 22:05:25 MST}).
 *
 * @param parameters the filter parameters given, in the order Twilio repeats them in page URIs
 * @param test whether a message passes every filter
 */
record MessageFilters(List<Map.Entry<String, String>> parameters, Predicate<StoredMessage> test) {

    private static final List<String> NAMES = List.of("To", "From", "DateSent", "DateSent<", "DateSent>");

    private static final List<DateTimeFormatter> INSTANTS = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss z", Locale.ENGLISH));

    static MessageFilters of(Map<String, List<String>> query) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        Predicate<StoredMessage> test = (stored) -> true;
        for (String name : NAMES) {
            String value = FormData.first(query, name);
            if (value != null) {
                parameters.add(Map.entry(name, value));
                test = test.and(filter(name, value));
            }
        }
        return new MessageFilters(List.copyOf(parameters), test);
    }

    /**
     * Returns the filters as Twilio repeats them at the start of page URIs, each followed by
     * {@code &}; empty without filters.
     */
    String query() {
        StringBuilder query = new StringBuilder();
        this.parameters.forEach((parameter) -> query.append(encode(parameter.getKey()))
            .append('=')
            .append(encode(parameter.getValue()))
            .append('&'));
        return query.toString();
    }

    private static Predicate<StoredMessage> filter(String name, String value) {
        return switch (name) {
            case "To" -> (stored) -> value.equals(stored.message().to());
            case "From" -> (stored) -> value.equals(stored.message().from());
            default -> dateSent(name, value);
        };
    }

    /** Compares the day a message was sent with a GMT day, or the instant with an instant. */
    private static Predicate<StoredMessage> dateSent(String name, String value) {
        int wanted = switch (name) {
            case "DateSent<" -> -1;
            case "DateSent>" -> 1;
            default -> 0;
        };
        try {
            LocalDate day = LocalDate.parse(value);
            return (stored) -> matches(stored.dateSent().atOffset(ZoneOffset.UTC).toLocalDate().compareTo(day), wanted);
        }
        catch (DateTimeParseException notADay) {
            Instant instant = instant(name, value);
            return (stored) -> matches(stored.dateSent().compareTo(instant), wanted);
        }
    }

    private static boolean matches(int comparison, int wanted) {
        return (wanted == 0) ? comparison == 0 : comparison == 0 || Integer.signum(comparison) == wanted;
    }

    private static Instant instant(String name, String value) {
        for (DateTimeFormatter format : INSTANTS) {
            try {
                return format.parse(value, Instant::from);
            }
            catch (DateTimeParseException ex) {
                // Not this form: try the next.
            }
        }
        throw ErrorAnswer.invalidParameter("Invalid " + name + ": " + value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
