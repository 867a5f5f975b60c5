package io.prodev.labs.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Web pages fetched over HTTP and kept in Redis for a short time: a repeat within the time to live is served from
 * Redis without a request, and every call is counted under {@code count:<url>}. Since the pages and the counts live
 * in Redis, every process that shares the server shares the cache.
 */
public final class WebPages {

    /** How long a page is served from Redis unless the constructor says otherwise. */
    public static final Duration TTL = Duration.ofSeconds(10);

    private final UnifiedJedis redis;
    private final OkHttpClient http;
    private final Duration ttl;

    /** Pages kept for {@link #TTL}. */
    public WebPages(UnifiedJedis redis, OkHttpClient http) {
        this(redis, http, TTL);
    }

    /**
     * Pages kept for {@code ttl}.
     *
     * @throws IllegalArgumentException naming the value, if {@code ttl} is shorter than 1 ms
     */
    public WebPages(UnifiedJedis redis, OkHttpClient http, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.http = Objects.requireNonNull(http, "http");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, got: " + ttl);
        }
        this.ttl = ttl;
    }

    /** Where the calls of {@code url} are counted: {@code count:<url>}. */
    public static String countKey(String url) {
        return "count:" + url;
    }

    /** Where the page of {@code url} is kept while it is fresh: {@code page:<url>}. */
    public static String pageKey(String url) {
        return "page:" + url;
    }

    /**
     * The body of the page at {@code url}: from Redis if it was fetched less than the time to live ago, else fetched
     * with a GET and kept in Redis for the time to live. Every call counts, a repeat and a failure included.
     *
     * @throws IllegalArgumentException naming the value, if {@code url} is null, blank or not an http(s) URL;
     *     nothing is counted then
     * @throws PageUnavailableException if the server answers other than 2xx or cannot be reached; nothing is kept
     */
    public String getPage(String url) {
        // BEGIN SOLUTION
        HttpUrl httpUrl = url == null ? null : HttpUrl.parse(url);
        if (httpUrl == null) {
            throw new IllegalArgumentException("url must be an http or https URL, got: " + CallRendering.render(url));
        }
        redis.incr(countKey(url));
        String page = redis.get(pageKey(url));
        if (page == null) {
            page = fetch(url, httpUrl);
            // The value and its expiry in one command: no moment, and no crash, leaves a page that never expires.
            redis.set(pageKey(url), page, SetParams.setParams().px(ttl.toMillis()));
        }
        return page;
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private String fetch(String url, HttpUrl httpUrl) {
        Request request = new Request.Builder().url(httpUrl).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new PageUnavailableException(url, response.code());
            }
            return response.body().string();
        } catch (IOException e) {
            throw new PageUnavailableException(url, e);
        }
    }
    // END SOLUTION
}
