package org.perflink.host.http;

import com.fasterxml.jackson.core.JsonFactory;

import org.perflink.api.host.Parsed;
import org.perflink.host.http.internal.ItemReader;

/**
 * Reads one item of host contract v1 from its JSON text exactly as an item of an HTTP page is read: the
 * limits of {@link HostJson}, then the contract's bounds. For adapters that carry the contract's items in
 * another transport (an exchange database's body column), so that one bad item is judged the same
 * everywhere (since 1.1).
 */
public final class ContractItems {

    private final ItemReader reader;

    public ContractItems() {
        JsonFactory pages = HostJson.newPageFactory();
        this.reader = new ItemReader(HostJson.newMapper(), pages);
    }

    /**
     * The item bound to {@code type}, or {@link Parsed#invalid} naming the field that does not match the
     * contract; {@code keyField} is the item's key ({@code projectCode}, {@code departmentCode}, …).
     */
    public <T> Parsed<T> parse(String json, Class<T> type, String keyField) {
        return reader.parse(json, type, keyField);
    }
}
