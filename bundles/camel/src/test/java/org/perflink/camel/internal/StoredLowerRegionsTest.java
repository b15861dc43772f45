package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.core.RulePacks;
import org.perflink.host.http.HostJson;
import org.perflink.store.internal.JdbcStore;

/** R's lower regions for the close stage (rules.md §4.3): from the region configuration, with L's own records and host. */
class StoredLowerRegionsTest {

    private final ObjectMapper mapper = HostJson.newMapper();

    private static RulePacks regions() {
        return new RulePacks() {
            @Override
            public RulePack effective(String regionCode) {
                return RulePack.DEFAULT;
            }

            @Override
            public List<ParameterOverride> overrides(String regionCode) {
                return List.of();
            }

            @Override
            public Map<String, RulePack> defined() {
                return Map.of();
            }

            @Override
            public List<String> lowerRegions(String regionCode) {
                return "440000".equals(regionCode) ? List.of("440400", "440100") : List.of();
            }
        };
    }

    @Test
    void lowerRegionsComeWithTheirOwnRecordsAndHosts() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2Url("jdbc:h2:mem:lower-" + System.nanoTime()));
        JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
        Score score = new Score("L1.2027", "L1", "440100", 2027, new BigDecimal("74.00"), Grade.MEDIUM,
                Score.Source.SELF_EVALUATION, List.of(), null, List.of(), "default@1");
        StageEvent event = new StageEvent(1, "ev-1", "440100", 2027, Stage.CLOSE, Phase.EVALUATE, List.of(),
                OffsetDateTime.parse("2028-03-01T10:00:00+08:00"), null);
        String json = mapper.writeValueAsString(score);
        store.eventLedger().handle("440100", Stage.CLOSE, event, null, "1", tx -> tx.add(HostResult.of(score), json, "h"));
        HostGateway gateway = new RecordingGateway(null);

        StoredLowerRegions lower = new StoredLowerRegions("440000", regions(), store.resultLedger(), mapper,
                code -> "440100".equals(code) ? gateway : null);
        assertEquals(List.of("440100", "440400"), lower.codes());
        assertEquals(List.of(score), lower.history("440100").scores("L1"));
        assertEquals(List.of(), lower.history("440400").scores("L1"), "another region's records are its own");
        assertSame(gateway, lower.host("440100"));
        assertNull(lower.host("440400"), "a lower region that is not running has no host");
        assertEquals(List.of(), new StoredLowerRegions("440100", regions(), store.resultLedger(), mapper, c -> null).codes());
    }
}
