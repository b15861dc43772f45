package org.perflink.api.host;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;

/**
 * The host budget system as PerfLink sees it (host contract v1). Implementations map other hosts onto
 * the same model. Pulls throw {@link HostException} when the host cannot answer now.
 */
@ProviderType
public interface HostGateway {

    /**
     * Service property naming the host configuration a gateway serves; a region's {@code host} setting selects
     * it, and a region that names none takes the single gateway there is (since 1.2).
     */
    String HOST_PROPERTY = "perflink.host";

    /** Events after {@code afterCursor} (null: from the start). */
    Page<StageEvent> stageEvents(String regionCode, String afterCursor, int limit) throws HostException;

    /** Projects of a year, all of them when {@code codes} is empty. */
    Page<Parsed<Project>> projects(String regionCode, int year, List<String> codes, String cursor, int limit)
            throws HostException;

    Page<Parsed<ExecutionSnapshot>> execution(String regionCode, int year, LocalDate asOf, String cursor, int limit)
            throws HostException;

    Page<Parsed<ProjectEvaluationInput>> evaluations(String regionCode, int year, String cursor, int limit)
            throws HostException;

    Page<Parsed<DepartmentEvaluationInput>> departments(String regionCode, int year, String cursor, int limit)
            throws HostException;

    /**
     * The host contract version this gateway speaks: {@code 1.0} (v1 calls and kinds only) or {@code 1.1} (the
     * v1.1 pulls, event phases and result kinds). Since 1.2.
     */
    default String contract() {
        return CONTRACT_1_0;
    }

    /** Host contract v1. */
    String CONTRACT_1_0 = "1.0";
    /** Host contract v1.1 ("v1.1 additions"). */
    String CONTRACT_1_1 = "1.1";

    /**
     * This gateway for a region whose host speaks {@code contract} (a region's {@code hostContract} override); by
     * default the gateway itself, which knows no other contract (since 1.2).
     */
    default HostGateway forContract(String contract) {
        return this;
    }

    /** Whether the host speaks contract v1.1 (since 1.2). */
    default boolean v11() {
        return CONTRACT_1_1.equals(contract());
    }

    /**
     * One project of a year ({@code GET …/projects/{projectCode}?year=}, e.g. a predecessor), null when the host
     * has none. By default through {@link #projects} with one code. Since 1.2.
     */
    default Parsed<Project> project(String regionCode, String projectCode, int year) throws HostException {
        Page<Parsed<Project>> page = projects(regionCode, year, List.of(projectCode), null, 1);
        return page.items().isEmpty() ? null : page.items().get(0);
    }

    /** The registry of experts and third-party institutions (v1.1 pull {@code evaluators}); since 1.2, empty by default. */
    default Page<Parsed<Evaluator>> evaluators(String regionCode, String cursor, int limit) throws HostException {
        return new Page<>(List.of(), null);
    }

    /** Feedback on the notices of a year (v1.1 pull {@code notice-feedback}); since 1.2, empty by default. */
    default Page<Parsed<NoticeFeedback>> noticeFeedback(String regionCode, int year, String cursor, int limit)
            throws HostException {
        return new Page<>(List.of(), null);
    }

    /**
     * R's lower regions with their transfer baselines for {@code budgetYear} (v1.1 pull {@code subregions}); since
     * 1.2, empty by default.
     */
    default Page<Parsed<Subregion>> subregions(String regionCode, int year, int budgetYear, String cursor, int limit)
            throws HostException {
        return new Page<>(List.of(), null);
    }

    /** One idempotent PUT. Never throws for an HTTP answer: the status says what to do. */
    Delivery deliver(HostResult result);

    /**
     * Delivers up to 500 results with one request; returns null when the host has no batch support
     * (404/405), so the caller falls back to {@link #deliver}.
     */
    List<Delivery> deliverBatch(String regionCode, List<HostResult> results);

    /** A pull of one page, for {@link #forEach}. */
    @FunctionalInterface
    interface PageCall<T> {
        Page<T> fetch(String cursor) throws HostException;
    }

    /** Streams every item of a paged collection, one page in memory at a time. */
    static <T> void forEach(PageCall<T> call, Consumer<? super T> action) throws HostException {
        forEach(call, action, () -> { });
    }

    /** As {@link #forEach(PageCall, Consumer)}, running {@code afterEachPage} once a page is done (since 1.1). */
    static <T> void forEach(PageCall<T> call, Consumer<? super T> action, Runnable afterEachPage) throws HostException {
        String cursor = null;
        do {
            Page<T> page = call.fetch(cursor);
            page.items().forEach(action);
            afterEachPage.run();
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
