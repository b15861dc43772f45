package org.perflink.host.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Project;
import org.perflink.api.model.Subregion;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.core.HostSettings;
import org.perflink.host.http.HostJson;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/** The v1.1 fields and pulls through the HTTP gateway: only a host configured {@code contract = 1.1} is asked. */
class GatewayV11Test {

    static PageServer server;
    static RegionData region;

    @BeforeAll
    static void start() throws IOException {
        server = new PageServer();
        region = Dataset.demo().region("440400");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpHostGateway gateway(String contract) {
        HostSettings s = server.settings();
        return new HttpHostGateway(new HostSettings(s.url(), s.auth(), s.username(), s.secret(), s.connectTimeout(),
                s.requestTimeout(), s.pageSize(), s.batch(), contract), HostJson.newMapper());
    }

    private static String page(List<JsonNode> items) {
        return "{\"items\": " + items + ", \"nextCursor\": null}";
    }

    @Test
    void theV11FieldsOfAProjectAndAnEvaluationAreRead() throws HostException {
        server.serve(page(region.projects(2027)));
        List<Parsed<Project>> items = gateway("1.0").projects("440400", 2027, List.of(), null, 200).items();
        Project library = items.stream().filter(p -> p.key().equals("440400-2027-000102")).findFirst().orElseThrow().value();
        assertEquals(ExAnte.Level.DEPARTMENT, library.exAnte().level());
        assertEquals(2029, library.period().endYear());
        assertEquals("36", library.target().periodIndicators().get(0).value());
        Project adjusted = items.stream().filter(p -> p.key().equals("440400-2027-000107")).findFirst().orElseThrow().value();
        assertEquals(LocalDate.of(2027, 7, 20), adjusted.targetRevision().requestedOn());
        assertEquals("12", adjusted.targetRevision().approvedIndicators().get(0).value());
        assertEquals(Grade.GOOD, adjusted.target().reviews().get(2).grade());

        server.serve(page(region.evaluations(2027)));
        ProjectEvaluationInput input = gateway("1.0").evaluations("440400", 2027, null, 200).items().get(1).value();
        assertEquals(ProjectEvaluationInput.Evaluation.Kind.THIRD_PARTY, input.evaluation().kind());
        assertEquals(LocalDate.of(2028, 5, 31), input.evaluation().dueDate());
    }

    @Test
    void theRegistryAndOneProjectByYearComeFromAV11HostOnly() throws HostException {
        server.serve(page(region.evaluators()));
        Page<Parsed<Evaluator>> registry = gateway("1.1").evaluators("440400", null, 200);
        assertEquals(4, registry.items().size());
        Evaluator inst = registry.items().get(0).value();
        assertEquals(Evaluator.Kind.INSTITUTION, inst.kind());
        assertEquals(LocalDate.of(2025, 12, 31), inst.ties().get(0).to());
        assertTrue(gateway("1.0").evaluators("440400", null, 200).items().isEmpty(), "a 1.0 host is not asked");

        server.serve(region.project("440400-2026-000103", 2026).orElseThrow().toString());
        Parsed<Project> before = gateway("1.1").project("440400", "440400-2026-000103", 2026);
        assertEquals(2026, before.value().period().endYear());
        assertEquals("1.1", gateway("1.1").contract());
        assertTrue(gateway("1.1").v11());
    }

    @Test
    void aRegionsHostContractOverridesItsHostsForEveryPull() throws HostException {
        HttpHostGateway host = gateway("1.0");
        assertSame(host, host.forContract("1.0"));
        HostGateway region11 = host.forContract("1.1");
        assertEquals("1.1", region11.contract());
        assertEquals("1.0", host.contract(), "the host's own gateway is unchanged");
        server.serve(page(region.evaluators()));
        assertEquals(4, region11.evaluators("440400", null, 200).items().size());
        assertTrue(host.evaluators("440400", null, 200).items().isEmpty(), "a 1.0 host is not asked");
    }

    /** rules.md §4.3: the lower regions' transfer baselines (v1.1 pull {@code subregions}); a 1.0 host is not asked. */
    @Test
    void subregionsComeFromAV11HostOnly() throws HostException {
        server.serve("{\"items\": [{\"regionCode\": \"440100\", \"budgetYear\": 2028, \"transferBaseline\": \"800000000.00\", "
                + "\"deductions\": [{\"source\": \"AUDIT\", \"points\": \"3\", \"ref\": \"审计报告\"}]}, "
                + "{\"regionCode\": \"4401\", \"budgetYear\": 2028}], \"nextCursor\": null}");
        List<Parsed<Subregion>> items = gateway("1.1").subregions("440000", 2027, 2028, null, 200).items();
        assertEquals(2, items.size());
        Subregion s = items.get(0).value();
        assertEquals("440100", s.regionCode());
        assertEquals(2028, s.budgetYear());
        assertEquals(new java.math.BigDecimal("800000000.00"), s.transferBaseline());
        assertEquals(new java.math.BigDecimal("3"), s.deductions().get(0).points());
        assertTrue(gateway("1.0").subregions("440000", 2027, 2028, null, 200).items().isEmpty(), "a 1.0 host is not asked");
    }
}
