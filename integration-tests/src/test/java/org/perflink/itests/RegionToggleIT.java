package org.perflink.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.api.model.Stage;
import org.perflink.store.StoreStatus;

/**
 * Per-region toggles through ConfigAdmin, live: switching 440100's compile stage off stops its processing
 * while 440000 goes on; switching it back on resumes from its stored cursor, with no repeats and no gaps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegionToggleIT extends PerfLinkTestSupport {

    private static final String PROVINCE = "440000";
    private static final String CITY = "440100";
    /** Projects named by each region's compile events (EXPECTED.md). */
    private static final int PROVINCE_PROJECTS = 33;
    private static final int CITY_DECLARED = 3;
    private static final int CITY_PROJECTS = 18;

    @Test
    public void switchingARegionOffStopsItAloneAndSwitchingItOnResumesWithoutRepeatsOrGaps() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        configureRegion(PROVINCE, true, false, false);
        configureRegion(CITY, true, false, false);

        // 1. both regions running
        script(CITY, "COMPILE", "DECLARED");
        await().atMost(Duration.ofMinutes(2)).until(() -> received(CITY, "verdict").path("ids").asInt() == CITY_DECLARED);
        String cityCursor = store.status(CITY).cursors().get(Stage.COMPILE);

        // 2. the city's compile stage switched off, live; both regions get new events
        configureRegion(CITY, false, false, false);
        for (String phase : new String[] {"REVIEWED", "APPROVED", "PUBLISHED"}) {
            script(CITY, "COMPILE", phase);
        }
        script(PROVINCE, "COMPILE");
        await().atMost(Duration.ofMinutes(2)).until(() -> received(PROVINCE, "verdict").path("ids").asInt() == PROVINCE_PROJECTS);
        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(PROVINCE).backlog() == 0);
        // The province handled all its events after the city's were queued: a running city would be done too.
        assertEquals("the switched-off region wrote nothing new", CITY_DECLARED, received(CITY, "verdict").path("ids").asInt());
        assertEquals("and its compile cursor stayed", cityCursor, store.status(CITY).cursors().get(Stage.COMPILE));

        // 3. switched back on: resumes from the stored cursor
        configureRegion(CITY, true, false, false);
        await().atMost(Duration.ofMinutes(2)).until(() -> received(CITY, "verdict").path("ids").asInt() == CITY_PROJECTS);
        await().atMost(Duration.ofMinutes(1)).until(() -> store.status(CITY).backlog() == 0);

        JsonNode city = received(CITY, "verdict");
        assertEquals("no gaps", CITY_PROJECTS, city.path("ids").asInt());
        assertEquals("no repeats", CITY_PROJECTS, city.path("writes").asInt());
        assertEquals("the other region was not replayed", PROVINCE_PROJECTS, received(PROVINCE, "verdict").path("writes").asInt());
    }
}
