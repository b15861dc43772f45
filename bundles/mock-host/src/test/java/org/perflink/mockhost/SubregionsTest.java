package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Host contract v1.1 {@code subregions}: the lower regions' transfer baselines, by the query's budget year. */
class SubregionsTest {

    private static final String DATASET = """
            {"name": "sub", "regions": [{"regionCode": "440400", "year": 2027,
              "subregions": [
                {"regionCode": "440402", "budgetYear": 2028, "transferBaseline": "800000000.00", "deductions": []},
                {"regionCode": "440402", "budgetYear": 2029, "transferBaseline": "820000000.00"},
                {"regionCode": "440403", "budgetYear": 2028, "transferBaseline": "300000000.00",
                 "deductions": [{"source": "AUDIT", "points": "2", "ref": "审计报告"}]}]}]}
            """;

    @Test
    void subregionsAreServedForTheAskedBudgetYear() throws Exception {
        Dataset d = Dataset.parse(Json.read(DATASET.getBytes(StandardCharsets.UTF_8)), "sub");
        try (MockHost host = new MockHost(MockHost.Options.defaults().withPort(0), d).start()) {
            Client c = new Client(host.baseUri());
            JsonNode page = c.get("/api/v1/regions/440400/subregions?year=2027&budgetYear=2028").json();
            assertEquals(2, page.get("items").size());
            assertEquals("440403", page.get("items").get(1).get("regionCode").asText());
            JsonNode later = c.get("/api/v1/regions/440400/subregions?year=2027&budgetYear=2029").json();
            assertEquals("820000000.00", later.get("items").get(0).get("transferBaseline").asText());
            // without budgetYear: the year after
            assertEquals(2, c.get("/api/v1/regions/440400/subregions?year=2027").json().get("items").size());
            assertEquals(0, c.get("/api/v1/regions/440000/subregions?year=2027").json().get("items").size());
            assertEquals(400, c.get("/api/v1/regions/440400/subregions").status());
        }
    }
}
