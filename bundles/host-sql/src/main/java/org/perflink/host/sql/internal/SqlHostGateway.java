package org.perflink.host.sql.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.host.Delivery;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;
import org.perflink.host.http.ContractItems;
import org.perflink.host.http.HostJson;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.ExchangeSchema.Input;
import org.perflink.host.sql.internal.ExchangeReader.Filter;

/**
 * Host contract v1 over an exchange database (中间库): each pull is a keyset-paged query of its input table, each
 * result an upsert into its kind's results table. A database that cannot be reached is a {@link HostException}
 * on pulls and a transient delivery on writes, so the engine retries as it does for an HTTP host that is down.
 * No batch: {@link #deliverBatch} answers null and the outbox writes results one by one, in its order.
 */
public final class SqlHostGateway implements HostGateway {

    private final DataSource dataSource;
    private final ExchangeSchema schema;
    private final String contract;
    private final int pageSize;
    private final Clock clock;
    private final ExchangeReader reader;
    private final ResultWriter writer;

    public SqlHostGateway(DataSource dataSource, ExchangeSchema schema, String contract, int pageSize, Clock clock) {
        ObjectMapper mapper = HostJson.newMapper();
        this.dataSource = dataSource;
        this.schema = schema;
        this.contract = contract;
        this.pageSize = pageSize;
        this.clock = clock;
        this.reader = new ExchangeReader(dataSource, schema, new ContractItems(), mapper);
        this.writer = new ResultWriter(dataSource, schema, mapper, clock);
    }

    private int pageLimit(int limit) {
        return Math.max(1, Math.min(limit <= 0 ? pageSize : limit, 1000));
    }

    @Override
    public Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException {
        long after;
        try {
            after = afterCursor == null || afterCursor.isBlank() ? 0 : Long.parseLong(afterCursor.trim());
        } catch (NumberFormatException e) {
            throw new HostException("exchange database: event cursor '" + afterCursor + "' is not a seq number", e);
        }
        List<StageEvent> events = reader.events(regionCode, after, pageLimit(limit));
        return new Page<>(events, events.isEmpty() ? null : Long.toString(events.get(events.size() - 1).seq()));
    }

    @Override
    public Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException {
        Filter filter = new Filter(year, null, codes == null ? List.of() : List.copyOf(codes));
        return reader.page(Input.PROJECTS, Project.class, regionCode, filter, cursor, pageLimit(limit));
    }

    @Override
    public Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor,
            int limit) throws HostException {
        return reader.page(Input.EXECUTION, ExecutionSnapshot.class, regionCode, new Filter(year, asOf, List.of()),
                cursor, pageLimit(limit));
    }

    @Override
    public Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return reader.page(Input.EVALUATIONS, ProjectEvaluationInput.class, regionCode, Filter.year(year), cursor,
                pageLimit(limit));
    }

    @Override
    public Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return reader.page(Input.DEPARTMENTS, DepartmentEvaluationInput.class, regionCode, Filter.year(year), cursor,
                pageLimit(limit));
    }

    /** The evaluator registry (v1.1); a 1.0 host is not asked, as over HTTP. */
    @Override
    public Page<Parsed<Evaluator>> evaluators(String regionCode, String cursor, int limit) throws HostException {
        if (!v11()) {
            return HostGateway.super.evaluators(regionCode, cursor, limit);
        }
        return reader.page(Input.EVALUATORS, Evaluator.class, regionCode, Filter.none(), cursor, pageLimit(limit));
    }

    /** Notice feedback (v1.1); a 1.0 host is not asked, as over HTTP. */
    @Override
    public Page<Parsed<NoticeFeedback>> noticeFeedback(String regionCode, int year, String cursor, int limit)
            throws HostException {
        if (!v11()) {
            return HostGateway.super.noticeFeedback(regionCode, year, cursor, limit);
        }
        return reader.page(Input.NOTICE_FEEDBACK, NoticeFeedback.class, regionCode, Filter.year(year), cursor,
                pageLimit(limit));
    }

    /**
     * The lower regions' transfer baselines for {@code budgetYear} (v1.1), from {@code pl_subregions} by budget year:
     * the baselines are the budget year's, whichever evaluation year asks. A 1.0 host is not asked, as over HTTP.
     */
    @Override
    public Page<Parsed<Subregion>> subregions(String regionCode, int year, int budgetYear, String cursor, int limit)
            throws HostException {
        if (!v11()) {
            return HostGateway.super.subregions(regionCode, year, budgetYear, cursor, limit);
        }
        return reader.page(Input.SUBREGIONS, Subregion.class, regionCode, Filter.year(budgetYear), cursor,
                pageLimit(limit));
    }

    @Override
    public String contract() {
        return contract;
    }

    @Override
    public HostGateway forContract(String otherContract) {
        return otherContract.equals(contract) ? this
                : new SqlHostGateway(dataSource, schema, otherContract, pageSize, clock);
    }

    @Override
    public Delivery deliver(HostResult result) {
        return writer.write(result);
    }

    @Override
    public List<Delivery> deliverBatch(String regionCode, List<HostResult> results) {
        return null; // one transaction per result: the outbox's order and retries apply unchanged
    }
}
