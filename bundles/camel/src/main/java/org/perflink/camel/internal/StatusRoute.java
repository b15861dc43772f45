package org.perflink.camel.internal;

import java.time.Duration;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/** Publishes PerfLink's status on a steady beat ({@code perflink-status}). */
public class StatusRoute extends RouteBuilder {

    public static final String ROUTE_ID = "perflink-status";

    private final Duration interval;
    private final Processor publisher;

    public StatusRoute(Duration interval, Processor publisher) {
        this.interval = interval;
        this.publisher = publisher;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=" + interval.toMillis() + "&fixedRate=false")
                .routeId(ROUTE_ID)
                .process(publisher);
    }
}
