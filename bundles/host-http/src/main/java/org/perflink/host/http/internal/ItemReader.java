package org.perflink.host.http.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.host.Parsed;

/**
 * Reads one item of host contract v1 (a page's item, or a document of its own) under the strict limits
 * of the contract's mapper and checks it against {@link ContractBounds}: an item that does not match
 * comes back {@link Parsed#invalid} naming the field, with its key and revision as far as they can be read.
 */
public final class ItemReader {

    private final ObjectMapper mapper;
    private final JsonFactory pageFactory;

    public ItemReader(ObjectMapper mapper, JsonFactory pageFactory) {
        this.mapper = mapper;
        this.pageFactory = pageFactory;
    }

    /** The key and revision of an item as far as its top level can be read, before any binding. */
    private record Identity(boolean object, String key, long revision) {
    }

    private Identity identify(String raw, String keyField) {
        String key = null;
        long revision = 0;
        try (JsonParser p = pageFactory.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Identity(false, null, 0);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals(keyField) && t == JsonToken.VALUE_STRING && key == null) {
                    key = p.getText();
                    if (key.length() > ContractBounds.MAX_CODE) {
                        // the key of a rejected item is stored: cut, so the rejection itself can be
                        key = key.substring(0, ContractBounds.MAX_CODE) + "…";
                    }
                } else if (name.equals("revision") && revision == 0) {
                    revision = revisionOf(p, t);
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // the page parser read this text already; whatever is unreadable here is reported by the binding
        }
        return new Identity(true, key, revision);
    }

    private static long revisionOf(JsonParser p, JsonToken t) throws IOException {
        try {
            // length first: converting a number of millions of digits costs quadratic time
            if (t == JsonToken.VALUE_NUMBER_INT && p.getTextLength() <= 19) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING && p.getTextLength() <= 19) {
                return Long.parseLong(p.getText().trim());
            }
        } catch (NumberFormatException | JsonProcessingException e) {
            // not a revision we can address a result to
        }
        return 0;
    }

    public <T> Parsed<T> parse(String raw, Class<T> type, String keyField) {
        Identity id = identify(raw, keyField);
        if (!id.object()) {
            return Parsed.invalid(null, 0, "", "item is not a JSON object");
        }
        T value;
        try (JsonParser p = mapper.createParser(raw)) {
            try {
                value = mapper.readerFor(type).readValue(p);
            } catch (JsonMappingException e) {
                // A limit of the parser met while binding (deep nesting in an ignored field, a long number)
                // comes wrapped with the binding's path, which stops at the enclosing object: the parser's
                // own position names the place exactly.
                boolean parserLimit = e.getCause() instanceof JsonProcessingException cause
                        && !(cause instanceof JsonMappingException);
                String where = parserLimit ? pathOf(p.getParsingContext()) : pathOf(e);
                return Parsed.invalid(id.key(), id.revision(), where.isEmpty() ? pathOf(p.getParsingContext()) : where,
                        parserLimit ? messageOf((JsonProcessingException) e.getCause()) : messageOf(e));
            } catch (JsonProcessingException e) {
                // Limits of HostJson (nesting, number or string length) and duplicate keys: where the parser stood.
                return Parsed.invalid(id.key(), id.revision(), pathOf(p.getParsingContext()), messageOf(e));
            } catch (RuntimeException e) {
                return Parsed.invalid(id.key(), id.revision(), pathOf(p.getParsingContext()), e.toString());
            }
        } catch (IOException e) {
            return Parsed.invalid(id.key(), id.revision(), "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (value == null) {
            return Parsed.invalid(id.key(), id.revision(), "", "item is null");
        }
        ContractBounds.Violation v = ContractBounds.check(value);
        if (v != null) {
            return Parsed.invalid(id.key(), id.revision(), v.path(), v.message());
        }
        if (id.key() == null || id.key().isBlank()) {
            return Parsed.invalid(null, id.revision(), keyField, "'" + keyField + "' is missing, blank or not a string");
        }
        return Parsed.ok(value, id.key(), id.revision());
    }

    private static String messageOf(JsonProcessingException e) {
        return Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
    }

    /**
     * {@code target.indicators[2].operator} from Jackson's reference chain (binding errors) or, for errors
     * of the parser itself (a duplicate key), from where it stood; "" when neither says.
     */
    static String pathOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e instanceof StreamReadException r && r.getProcessor() != null) {
            return pathOf(r.getProcessor().getParsingContext());
        }
        return "";
    }

    /** The same dotted form from a parser's context: {@code target.indicators[2].operator}. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    parts.addFirst("." + c.getCurrentName());
                }
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
