package org.perflink.host.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.host.Delivery;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeSchema;

/**
 * Writes one result into its kind's results table as an idempotent upsert by id: {@code UPDATE}, and
 * {@code INSERT} when no row was there, in one transaction (a concurrent insert of the same id is met by updating
 * again). Plain SQL that every database the provinces run accepts, so no MERGE / ON CONFLICT dialect is needed.
 * The answer maps onto the HTTP delivery's statuses: 201 inserted, 200 updated, 400 (permanent, a dead letter)
 * for data the table refuses, 503 (transient, retried) for everything else, a database that is down included.
 */
final class ResultWriter {

    private final DataSource dataSource;
    private final ExchangeSchema schema;
    private final ObjectMapper mapper;
    private final Clock clock;

    ResultWriter(DataSource dataSource, ExchangeSchema schema, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.mapper = mapper;
        this.clock = clock;
    }

    Delivery write(HostResult result) {
        String body;
        JsonNode tree;
        try {
            body = result.body() instanceof String s ? s : mapper.writeValueAsString(result.body());
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return new Delivery(result.id(), Delivery.Status.PERMANENT, 400, "body is not JSON: " + e.getOriginalMessage(), null);
        }
        JsonNode year = tree.has("year") ? tree.get("year") : tree.path("evaluatedYear");
        Integer fiscalYear = year.canConvertToInt() ? year.asInt() : null;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int status = upsert(c, result, fiscalYear, body);
                c.commit();
                return new Delivery(result.id(), Delivery.Status.STORED, status, null, null);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            boolean refused = isDataError(e);
            return new Delivery(result.id(), refused ? Delivery.Status.PERMANENT : Delivery.Status.TRANSIENT,
                    refused ? 400 : 503, "exchange database, table " + schema.resultTable(result.kind()) + " (SQLState "
                            + e.getSQLState() + "): " + e.getMessage(), null);
        }
    }

    private int upsert(Connection c, HostResult r, Integer fiscalYear, String body) throws SQLException {
        if (update(c, r, fiscalYear, body) > 0) {
            return 200;
        }
        try {
            insert(c, r, fiscalYear, body);
            return 201;
        } catch (SQLException e) {
            if (!isConstraintViolation(e) || update(c, r, fiscalYear, body) == 0) {
                throw e;
            }
            return 200; // written by another node meanwhile: ours is the same body
        }
    }

    private int update(Connection c, HostResult r, Integer fiscalYear, String body) throws SQLException {
        ResultKind k = r.kind();
        String sql = "UPDATE " + schema.resultTable(k) + " SET " + col(k, ExchangeSchema.REGION_CODE) + " = ?, "
                + col(k, ExchangeSchema.YEAR) + " = ?, " + col(k, ExchangeSchema.SUBJECT_CODE) + " = ?, "
                + col(k, ExchangeSchema.BODY) + " = ?, " + col(k, ExchangeSchema.WRITTEN_AT) + " = ? WHERE "
                + col(k, ExchangeSchema.ID) + " = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, r.regionCode(), fiscalYear, r.subject(), body);
            st.setString(6, r.id());
            return st.executeUpdate();
        }
    }

    private void insert(Connection c, HostResult r, Integer fiscalYear, String body) throws SQLException {
        ResultKind k = r.kind();
        String sql = "INSERT INTO " + schema.resultTable(k) + " (" + col(k, ExchangeSchema.REGION_CODE) + ", "
                + col(k, ExchangeSchema.YEAR) + ", " + col(k, ExchangeSchema.SUBJECT_CODE) + ", "
                + col(k, ExchangeSchema.BODY) + ", " + col(k, ExchangeSchema.WRITTEN_AT) + ", " + col(k, ExchangeSchema.ID)
                + ") VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, r.regionCode(), fiscalYear, r.subject(), body);
            st.setString(6, r.id());
            st.executeUpdate();
        }
    }

    private void bind(PreparedStatement st, String region, Integer fiscalYear, String subject, String body)
            throws SQLException {
        st.setString(1, region);
        if (fiscalYear == null) {
            st.setNull(2, java.sql.Types.INTEGER);
        } else {
            st.setInt(2, fiscalYear);
        }
        st.setString(3, subject);
        st.setString(4, body);
        st.setTimestamp(5, Timestamp.from(clock.instant()));
    }

    private String col(ResultKind kind, String column) {
        return schema.column(ExchangeSchema.resultsTable(kind), column);
    }

    /** SQLState class 23: integrity constraint violation (a duplicate id). */
    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** Class 22 (data: a value too long for its column) and 23 other than the upsert's race: this result, always. */
    private static boolean isDataError(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"));
    }
}
