package io.github.twilioauth.test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list resource, chosen by Twilio's {@code PageSize}, {@code PageToken} and, in
 * the 2010-04-01 API, {@code Page} query parameters. A page token {@code PA<sid>} starts the
 * page after the resource with that SID, so pages stay stable while resources are added.
 * Page addresses are built on a prefix ending in {@code ?} or {@code &}.
 *
 * @param <T> the type of the listed resources
 */
final class Page<T> {

    /** The paging of the 2010-04-01 API: up to 1000 a page, addresses with page numbers. */
    static final Paging API_2010 = new Paging(1000, true);

    /** The paging of the Organizations API: up to 100 a page, addresses with page tokens only. */
    static final Paging ORGANIZATIONS = new Paging(100, false);

    private static final int DEFAULT_SIZE = 50;

    private static final String TOKEN_PREFIX = "PA";

    private final List<T> all;

    private final Function<T, String> sid;

    private final boolean numbered;

    private final int size;

    private final int number;

    private final int start;

    private final int end;

    private Page(List<T> all, Function<T, String> sid, boolean numbered, int size, int number, int start) {
        this.all = all;
        this.sid = sid;
        this.numbered = numbered;
        this.size = size;
        this.number = number;
        this.start = start;
        this.end = Math.min(all.size(), start + size);
    }

    static <T> Page<T> of(List<T> all, Function<T, String> sid, Map<String, List<String>> query, Paging paging) {
        Integer pageSize = intParameter(query, "PageSize");
        int size = (pageSize != null) ? pageSize : DEFAULT_SIZE;
        if (size < 1 || size > paging.maxSize()) {
            throw ErrorAnswer.invalidParameter("PageSize must be between 1 and " + paging.maxSize());
        }
        Integer page = paging.numbered() ? intParameter(query, "Page") : null;
        if (page != null && page < 0) {
            throw ErrorAnswer.invalidParameter("Page must not be negative");
        }
        String token = FormData.first(query, "PageToken");
        int start = (token != null) ? startAfter(all, sid, token)
                : (int) Math.min(all.size(), (long) ((page != null) ? page : 0) * size);
        return new Page<>(all, sid, paging.numbered(), size, (page != null) ? page : start / size, start);
    }

    List<T> items() {
        return this.all.subList(this.start, this.end);
    }

    int size() {
        return this.size;
    }

    int number() {
        return this.number;
    }

    int start() {
        return this.start;
    }

    /**
     * Returns the index of the last item, or of the first when the page is empty.
     */
    int end() {
        return Math.max(this.start, this.end - 1);
    }

    /**
     * Returns the address of this page: {@code prefix} followed by its query.
     */
    String current(String prefix) {
        return (this.start == 0) ? first(prefix) : prefix + query(this.number, this.start);
    }

    String first(String prefix) {
        return prefix + "PageSize=" + this.size + (this.numbered ? "&Page=0" : "");
    }

    /**
     * Returns the address of the next page, or {@code null} on the last page.
     */
    @Nullable String next(String prefix) {
        return (this.end < this.all.size()) ? prefix + query(this.number + 1, this.end) : null;
    }

    /**
     * Returns the address of the previous page, or {@code null} on the first page.
     */
    @Nullable String previous(String prefix) {
        if (this.start == 0) {
            return null;
        }
        int previousStart = Math.max(0, this.start - this.size);
        return (previousStart == 0) ? first(prefix) : prefix + query(Math.max(0, this.number - 1), previousStart);
    }

    private String query(int number, int start) {
        return "PageSize=" + this.size + (this.numbered ? "&Page=" + number : "") + "&PageToken=" + TOKEN_PREFIX
                + this.sid.apply(this.all.get(start - 1));
    }

    private static <T> int startAfter(List<T> all, Function<T, String> sid, String token) {
        if (token.startsWith(TOKEN_PREFIX)) {
            String after = token.substring(TOKEN_PREFIX.length());
            for (int i = 0; i < all.size(); i++) {
                if (sid.apply(all.get(i)).equals(after)) {
                    return i + 1;
                }
            }
        }
        throw ErrorAnswer.invalidParameter("Invalid PageToken " + token);
    }

    private static @Nullable Integer intParameter(Map<String, List<String>> query, String name) {
        String value = FormData.first(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        }
        catch (NumberFormatException ex) {
            throw ErrorAnswer.invalidParameter(name + " must be a number");
        }
    }

    /**
     * How a list pages.
     *
     * @param maxSize the largest {@code PageSize}
     * @param numbered whether {@code Page} is read and page addresses carry it
     */
    record Paging(int maxSize, boolean numbered) {
    }
}
