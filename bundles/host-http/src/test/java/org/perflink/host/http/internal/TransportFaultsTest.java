package org.perflink.host.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.host.http.HostJson;

/**
 * Issue 17 items 9-11 at the transport: a body that stalls mid-way ends with the request timeout, a
 * request on a connection the host closed without a byte is sent again once (never more), and 401/403/3xx
 * to a batch come back as what they are, not as "no batch support".
 */
class TransportFaultsTest {

    private static final HostResult RESULT = new HostResult(ResultKind.VERDICT, "440000", "v1", "p1", "{\"verdictId\":\"v1\"}");

    @Test
    void aBodyThatStallsMidwayEndsWithTheRequestTimeout() throws Exception {
        try (RawHost host = new RawHost((n, in, out) -> {
            RawHost.readRequest(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"items\":["
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(60_000); // stalls with most of the body unsent
        })) {
            HttpHostGateway gateway = new HttpHostGateway(host.settings(Duration.ofSeconds(1)), HostJson.newMapper());
            HostException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(HostException.class, () -> gateway.stageEvents("440000", null, 10)));
            assertTrue(e.getMessage().contains("no complete answer within 1000 ms"), e.getMessage());
            Delivery d = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> gateway.deliver(RESULT));
            assertEquals(Delivery.Status.TRANSIENT, d.status());
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerIsRetriedAtOnceOnce() throws Exception {
        try (RawHost host = new RawHost((n, in, out) -> {
            RawHost.readRequest(in);
            if (n == 1) {
                return; // a stale pooled connection: closed without a byte of answer
            }
            RawHost.answer(out, 201, "{}");
        })) {
            HttpHostGateway gateway = new HttpHostGateway(host.settings(Duration.ofSeconds(5)), HostJson.newMapper());
            Delivery d = gateway.deliver(RESULT);
            assertEquals(Delivery.Status.STORED, d.status(), d.reason());
            assertEquals(2, host.connections.get());
        }
        try (RawHost host = new RawHost((n, in, out) -> RawHost.readRequest(in))) {
            HttpHostGateway gateway = new HttpHostGateway(host.settings(Duration.ofSeconds(5)), HostJson.newMapper());
            Delivery d = gateway.deliver(RESULT);
            assertEquals(Delivery.Status.TRANSIENT, d.status());
            assertEquals(2, host.connections.get(), "retried once, never more");
        }
    }

    @Test
    void refusalsOfABatchAreReportedWithTheirStatusNotAsMissingBatchSupport() throws Exception {
        for (int status : new int[] {401, 403, 302}) {
            try (RawHost host = new RawHost((n, in, out) -> {
                RawHost.readRequest(in);
                RawHost.answer(out, status, "{\"error\":\"no\"}");
            })) {
                HttpHostGateway gateway = new HttpHostGateway(host.settings(Duration.ofSeconds(5)), HostJson.newMapper());
                List<Delivery> answers = gateway.deliverBatch("440000", List.of(RESULT));
                assertEquals(1, answers.size(), "status " + status);
                assertEquals(status, answers.get(0).httpStatus());
                assertTrue(HttpHostGateway.hostRefusal(answers.get(0).httpStatus()));
            }
        }
    }
}
