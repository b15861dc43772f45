package org.perflink.api.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;

/**
 * The close stage's inputs as they are paged from a host, for the close hook and the what-if simulation alike:
 * a page of a year's evaluation inputs with their target projects (fetched in one paged query per page), and a
 * page of department inputs. Items that cannot be used are handed to {@link Rejects} with a key and a reason,
 * and the page goes on (since 1.2).
 */
public final class EvaluationFeed {

    /** Target projects are asked for by the codes of one page of inputs, in pages of this size. */
    public static final int PROJECT_PAGE = 1000;

    /** One evaluated project with its target. */
    public record Evaluated(Project project, ProjectEvaluationInput input) {
    }

    /** One department input with the key it is reported under (its code, or its position on the page). */
    public record Department(String key, DepartmentEvaluationInput input) {
    }

    /** Where unusable items go: the key (projectCode, departmentCode or page position) and why. */
    @FunctionalInterface
    public interface Rejects {
        void reject(String key, String reason);
    }

    private final HostGateway host;
    private final String regionCode;
    private final int year;
    private final int pageSize;
    private final Rejects rejects;

    public EvaluationFeed(HostGateway host, String regionCode, int year, int pageSize, Rejects rejects) {
        this.host = host;
        this.regionCode = regionCode;
        this.year = year;
        this.pageSize = pageSize;
        this.rejects = rejects;
    }

    /**
     * One page of evaluation inputs paired with their projects.
     *
     * @param only the project codes to keep, or null for all (others on the page are skipped silently)
     */
    public Page<Evaluated> evaluations(String cursor, Set<String> only) throws HostException {
        Page<Parsed<ProjectEvaluationInput>> page = host.evaluations(regionCode, year, cursor, pageSize);
        List<ProjectEvaluationInput> inputs = new ArrayList<>();
        int index = 0;
        for (Parsed<ProjectEvaluationInput> item : page.items()) {
            String key = item.identified() ? item.key() : position("evaluations", cursor, index);
            index++;
            if (only != null && !(item.identified() && only.contains(item.key()))) {
                continue;
            }
            if (!item.valid()) {
                rejects.reject(key, "evaluation input: " + item.errorPath() + ": " + item.error());
            } else if (item.value().projectCode() == null) {
                rejects.reject(key, "evaluation input: projectCode: missing");
            } else {
                inputs.add(item.value());
            }
        }
        Map<String, Parsed<Project>> projects = projectsOf(inputs.stream().map(ProjectEvaluationInput::projectCode).toList());
        List<Evaluated> evaluated = new ArrayList<>(inputs.size());
        for (ProjectEvaluationInput input : inputs) {
            Parsed<Project> project = projects.get(input.projectCode());
            if (project == null) {
                rejects.reject(input.projectCode(), "no project " + input.projectCode() + " of year " + year
                        + " at the host: its target indicators are needed to score it");
            } else if (!project.valid()) {
                rejects.reject(input.projectCode(), "project: " + project.errorPath() + ": " + project.error());
            } else {
                evaluated.add(new Evaluated(project.value(), input));
            }
        }
        return new Page<>(evaluated, page.nextCursor());
    }

    /** One page of department inputs; the invalid ones are rejected. */
    public Page<Department> departments(String cursor) throws HostException {
        Page<Parsed<DepartmentEvaluationInput>> page = host.departments(regionCode, year, cursor, pageSize);
        List<Department> inputs = new ArrayList<>();
        int index = 0;
        for (Parsed<DepartmentEvaluationInput> item : page.items()) {
            String key = item.identified() ? item.key() : position("departments", cursor, index);
            index++;
            if (!item.valid()) {
                rejects.reject(key, "department input: " + item.errorPath() + ": " + item.error());
            } else {
                inputs.add(new Department(key, item.value()));
            }
        }
        return new Page<>(inputs, page.nextCursor());
    }

    /** The projects of these codes, paging through the host's answer; a valid copy wins over an invalid one. */
    public Map<String, Parsed<Project>> projectsOf(Collection<String> projectCodes) throws HostException {
        Map<String, Parsed<Project>> byCode = new HashMap<>();
        if (projectCodes.isEmpty()) {
            return byCode; // an empty code list would ask the host for every project of the year
        }
        Set<String> wanted = new LinkedHashSet<>(projectCodes);
        List<String> codes = List.copyOf(wanted);
        HostGateway.forEach(cursor -> host.projects(regionCode, year, codes, cursor, PROJECT_PAGE), p -> {
            if (p.identified() && wanted.contains(p.key())) {
                byCode.merge(p.key(), p, (old, neu) -> old.valid() ? old : neu);
            }
        });
        return byCode;
    }

    /** {@code evaluations@first#3}: an item without a key, by where it was. */
    private static String position(String collection, String cursor, int index) {
        return collection + "@" + (cursor == null ? "first" : cursor) + "#" + index;
    }
}
