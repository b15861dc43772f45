package org.perflink.admin.api;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The operations of the admin REST API ({@code /api/admin/v1/}, {@code docs/openapi/admin-api-v1.yaml}), each
 * answering the JSON object the API sends. The caller has authenticated the user and checked their role;
 * {@code actor} is the user name the audit log records. Query parameters are passed as typed (null when absent)
 * and checked here.
 * <p>
 * Failures: {@link IllegalArgumentException} for bad input (HTTP 400, the message names the field),
 * {@link NotFoundException} for an unconfigured region (404), {@link IllegalStateException} for a conflict (409).
 * Messages are zh-CN with English beside, safe to show; no raw exception or SQL text is ever part of an answer.
 */
@ProviderType
public interface AdminOperations {

    /** GET regions: the region × stage matrix with each region's health. */
    ObjectNode regions();

    /** PUT regions/{code}: the region's own {@code enabled} switch. */
    ObjectNode setRegionEnabled(String actor, String regionCode, boolean enabled) throws IOException;

    /** PUT regions/{code}/stages/{stage}: one stage switch ({@code compile}, {@code 编制}, {@code COMPILE}, ...). */
    ObjectNode setStageEnabled(String actor, String regionCode, String stage, boolean enabled) throws IOException;

    /** GET regions/{code}/dead-letters?offset=&limit=: a page of the region's open dead letters with their total. */
    ObjectNode deadLetters(String regionCode, String offset, String limit);

    /**
     * GET regions/{code}/dead-letters with its query parameters: {@code state} (open|replayed|skipped|all, open when
     * absent), {@code stage}, {@code kind} (a result kind or input), {@code q} (the start of a project/department code
     * or result id, or a part of the host's reason), {@code sort} (oldest|newest|subject|stage), {@code offset},
     * {@code limit}; a page with its exact {@code total} (since 1.3).
     */
    ObjectNode deadLetters(String regionCode, java.util.Map<String, String> query);

    /** POST regions/{code}/dead-letters:replay: the given ids (empty: every open one of the region). */
    ObjectNode replay(String actor, String regionCode, List<Long> ids);

    /**
     * GET regions/{code}/results?kind=&limit=&offset=&project=: the region's latest results, newest first, a page at
     * a time, or with {@code project} that project's results in timeline order.
     */
    ObjectNode results(String regionCode, String kind, String limit, String offset, String project);

    /**
     * GET regions/{code}/results with its query parameters: as {@link #results(String, String, String, String, String)},
     * and with {@code state} (PENDING|DELIVERED|DEAD), {@code q} (a project or department code prefix) or
     * {@code sort} (newest|oldest) a filtered page from the store's indexes; {@code total} is known on the last page (since 1.1).
     */
    default ObjectNode results(String regionCode, java.util.Map<String, String> query) {
        return results(regionCode, query.get("kind"), query.get("limit"), query.get("offset"), query.get("project"));
    }

    /** GET regions/{code}/projects/{projectCode}/timeline: verdicts → warnings → score → adjustment. */
    ObjectNode timeline(String regionCode, String projectCode);

    /**
     * GET regions/{code}/departments/{departmentCode}/notices: the notice history of a department (or lower region), case
     * by case (rules.md §5). Since 1.1.
     */
    ObjectNode notices(String regionCode, String departmentCode);

    /**
     * GET regions/{code}/evaluators?year=: the third-party institutions' annual quality grades
     * ({@code EVALUATOR_QUALITY_GRADE}) with their reports and what cost them points; every year when none is given. Since 1.1.
     */
    ObjectNode evaluators(String regionCode, String year);

    /**
     * GET regions/{code}/ranking?year=: the region's work assessments (预算绩效管理工作考核) of a year (absent: the
     * latest assessed), departments and lower regions each by rank, with each part's points and figures.
     */
    ObjectNode ranking(String regionCode, String year);

    /**
     * GET regions/{code}/ranking with its query parameters: {@code year}, {@code scope} (department|region),
     * {@code grade}, {@code list} (PRAISE|CRITICISM), {@code q} (the start of a subject code), {@code sort}
     * (rank|score|code), {@code offset}, {@code limit}; the page's rows as {@code items} with their {@code total}, and
     * split by scope as {@link #ranking(String, String)} answers them (since 1.3).
     */
    ObjectNode ranking(String regionCode, java.util.Map<String, String> query);

    /** GET audit?limit=N: the latest entries, newest first. */
    ObjectNode audit(String limit);

    /**
     * GET audit with its query parameters: {@code q} (a part of any text of an entry), {@code actor}, {@code action},
     * {@code region} (its entries and its stages'), {@code from} and {@code to} (days, China Standard Time, both
     * inclusive; or ISO instants, {@code to} exclusive), {@code sort} (newest|oldest), {@code offset}, {@code limit};
     * a page with its exact {@code total} (since 1.3).
     */
    ObjectNode audit(java.util.Map<String, String> query);

    /** A file the API sends as a download: its name, media type and bytes. */
    record Download(String fileName, String mediaType, byte[] bytes) {
    }

    /**
     * GET regions/{code}/disclosure/{year}/{file}: one file of the region's open-data export (rules.md §9,
     * {@code docs/disclosure.md}), made from the store on request (since 1.1).
     */
    Download disclosure(String regionCode, String year, String file);

    /**
     * GET regions/{code}/results.xlsx, regions/{code}/dead-letters.xlsx, regions/{code}/ranking.xlsx, audit.xlsx with
     * the list's query parameters: an xlsx workbook with Chinese column names of every row the filters select (all
     * pages, as {@link #export} makes it; one project's results: its timeline) ({@code list}: {@code results},
     * {@code dead-letters}, {@code audit}, {@code ranking} (since 1.3); regionCode null for the audit log) (since 1.1).
     */
    Download listXlsx(String list, String regionCode, java.util.Map<String, String> query) throws IOException;

    /**
     * The long exports {@link #export} makes: a whole filtered list as xlsx (results; since 1.3 also dead letters, the
     * audit log and the ranking), the open-data export as zip (since 1.2), the annual report as HTML or PDF (since 1.3).
     */
    List<String> EXPORTS = List.of("results.xlsx", "dead-letters.xlsx", "audit.xlsx", "ranking.xlsx", "disclosure.zip",
            "report.html", "report.pdf");

    /**
     * A long export as one file, reporting its progress and stopping (with a
     * {@link java.util.concurrent.CancellationException}) when {@code progress} is cancelled: {@code results.xlsx}
     * every result the search {@code query} finds (the parameters of {@link #results(String, java.util.Map)}, no
     * paging), likewise {@code dead-letters.xlsx}, {@code audit.xlsx} (no region) and {@code ranking.xlsx},
     * {@code disclosure.zip} the files of the open-data export of {@code query}'s {@code year} (since 1.2),
     * {@code report.html} and {@code report.pdf} the annual report of {@code query}'s {@code year} (absent: the latest),
     * as {@link #report} makes it, a step per part read, chart drawn and file written (since 1.3).
     */
    Download export(String export, String regionCode, java.util.Map<String, String> query,
            ExportProgress progress) throws IOException;

    /**
     * Checks an export's parameters without making it, before it starts as a background job ({@link #export} checks
     * them again): an {@link IllegalArgumentException} naming the bad one ({@code export}, {@code query.year}, a
     * {@code query} parameter the export does not take) and the rule (since 1.3).
     */
    void checkExport(String export, String regionCode, java.util.Map<String, String> query);

    /**
     * GET regions/{code}/figures?year=&department=: the figures of a region's year from PerfLink's store alone (the
     * annual report's and the dashboard's: the year in numbers, grades, warnings by department and round, linkage,
     * composites, notices and their follow-up, the ranking, the departments), with {@code department} that
     * department's projects listed; {@code year} absent: the latest year of the region's results (since 1.2).
     */
    ObjectNode figures(String regionCode, String year, String department);

    /**
     * GET regions/{code}/charts/{chart}.svg?year=: one chart of the year's figures as a standalone SVG image
     * ({@code verdicts}, {@code budget-dept}, {@code grades}, {@code warnings-dept}, {@code warnings-round}, {@code linkage-dept},
     * {@code composites}, {@code notices}, {@code ranking}), bars carrying {@code data-drill} (since 1.2).
     */
    Download chart(String regionCode, String year, String chart);

    /**
     * GET regions/{code}/report?year=&format=html|pdf: the annual report of a region's year (年度绩效报告), made from
     * PerfLink's store on request: a self-contained HTML page or a PDF with the same charts and tables (since 1.2).
     */
    Download report(String regionCode, String year, String format) throws IOException;
}
