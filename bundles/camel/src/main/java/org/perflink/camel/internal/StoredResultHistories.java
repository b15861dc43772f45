package org.perflink.camel.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.perflink.api.hook.ResultHistories;
import org.perflink.api.hook.ResultHistory;
import org.perflink.host.http.HostJson;
import org.perflink.store.ResultLedger;

/**
 * The result history the hooks see, as a service for readers outside an event ({@code perflink:simulate}): the
 * bodies in the store's result ledger, read with the mapper that wrote them.
 */
@Component(service = ResultHistories.class)
public final class StoredResultHistories implements ResultHistories {

    private final ResultLedger store;
    private final ObjectMapper mapper = HostJson.newMapper();

    @Activate
    public StoredResultHistories(@Reference ResultLedger store) {
        this.store = store;
    }

    @Override
    public ResultHistory of(String regionCode) {
        return new StoredResultHistory(regionCode, store, mapper);
    }
}
