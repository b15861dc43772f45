package org.perflink.camel.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.MockHost;

/**
 * One real mock host with the demo dataset per test class, reset before and after each test; each test
 * builds its {@link Harness} (Camel context, H2 store) in its own temporary folder.
 */
abstract class DemoHostTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static Dataset demo;
    static MockHost host;

    @TempDir
    Path dir;
    Harness h;

    @BeforeAll
    static void startHost() throws IOException {
        demo = Dataset.demo();
        host = new MockHost(MockHost.Options.defaults().withPort(0), demo).start();
    }

    @AfterAll
    static void stopHost() {
        host.stop();
    }

    @BeforeEach
    void resetHost() {
        host.reset(demo);
    }

    @AfterEach
    void closeHarness() throws Exception {
        if (h != null) {
            h.close();
        }
        host.reset(demo);
    }
}
