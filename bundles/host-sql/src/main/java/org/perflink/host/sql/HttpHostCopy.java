package org.perflink.host.sql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.host.sql.ExchangeSchema.Input;

/**
 * Copies what a host of contract v1 over HTTP offers into an exchange database, item by item as the host sent it:
 * how the demo and the tests put the very inputs of the HTTP mock into tables. Not for production: a host's own
 * exchange database is filled by the host.
 */
public final class HttpHostCopy {

    private final String baseUrl;
    private final ExchangeLoader loader;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public HttpHostCopy(String baseUrl, ExchangeLoader loader) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.loader = loader;
    }

    /** The region's events after {@code afterSeq}; returns the last seq copied ({@code afterSeq} when none). */
    public long events(String region, long afterSeq) throws IOException, InterruptedException, SQLException {
        long last = afterSeq;
        while (true) {
            JsonNode page = get("/api/v1/regions/" + region + "/stage-events?after=" + last + "&limit=1000");
            if (page.path("items").isEmpty()) {
                return last;
            }
            for (JsonNode e : page.path("items")) {
                loader.putEvent(e);
                last = Math.max(last, e.path("seq").asLong());
            }
        }
    }

    /**
     * Every per-year pull of a region's year: projects, evaluations, departments, notice feedback, and the lower
     * regions' baselines for the next budget year (what the close stage of that year asks for).
     */
    public void year(String region, int year) throws IOException, InterruptedException, SQLException {
        copy(Input.PROJECTS, region, year, null, "projects?year=" + year);
        copy(Input.EVALUATIONS, region, year, null, "evaluations?year=" + year);
        copy(Input.DEPARTMENTS, region, year, null, "departments?year=" + year);
        copy(Input.NOTICE_FEEDBACK, region, year, null, "notice-feedback?year=" + year);
        copy(Input.SUBREGIONS, region, year + 1, null, "subregions?year=" + year + "&budgetYear=" + (year + 1));
    }

    public void execution(String region, int year, LocalDate asOf) throws IOException, InterruptedException, SQLException {
        copy(Input.EXECUTION, region, year, asOf, "execution?year=" + year + "&asOf=" + asOf);
    }

    public void evaluators(String region) throws IOException, InterruptedException, SQLException {
        copy(Input.EVALUATORS, region, null, null, "evaluators?");
    }

    private void copy(Input in, String region, Integer year, LocalDate asOf, String pull)
            throws IOException, InterruptedException, SQLException {
        String cursor = null;
        int index = 0;
        do {
            String sep = pull.endsWith("?") ? "" : "&";
            JsonNode page = get("/api/v1/regions/" + region + "/" + pull + sep + "limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            if (page == null) {
                return; // the host does not offer this pull (a v1.0 host and a v1.1 pull)
            }
            for (JsonNode item : page.path("items")) {
                loader.put(in, region, year, asOf, item, index++);
            }
            JsonNode next = page.path("nextCursor");
            cursor = next.isTextual() ? next.asText() : null;
        } while (cursor != null);
    }

    /** The JSON answer, or null for a 404. */
    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return mapper.readTree(r.body());
    }
}
