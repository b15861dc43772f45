package org.perflink.admin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.camel.host.HostJson;
import org.perflink.compile.IndicatorLibrary;
import org.perflink.compile.TargetChecker;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;

/**
 * The compile-stage dry run without a host (issue 3, item 7), shared by the Karaf command
 * {@code perflink:check FILE} and the command line {@code ./perflink check FILE}: binds one project of host
 * contract v1 from a JSON file with the contract's own mapper ({@link HostJson}), checks it with a
 * {@link TargetChecker} under a rule pack and renders the verdict ({@link VerdictTable}, or the verdict JSON).
 * No OSGi types: in Karaf the pack comes from {@link RulePacks}, on the command line from a file or the
 * built-in default ({@link PackSource}).
 * <p>
 * In Karaf only loaded when the compile and camel bundles are wired (the admin bundle's StageCatalogs);
 * callers check first.
 */
public final class ProjectCheck {

    /** The checked project with what the check ran under. */
    public record Result(Path file, Project project, Phase phase, String regionCode, RulePack pack,
            Path libraryFile, boolean libraryLoaded, Verdict verdict) {
    }

    /** The rule pack to check under, for the region (null when neither the option nor the project gives one). */
    @FunctionalInterface
    public interface PackSource {

        RulePack packFor(String regionCodeOrNull);

        /** The region's effective pack; the built-in default without a region. */
        static PackSource of(RulePacks packs) {
            return region -> region == null ? RulePack.DEFAULT : packs.effective(region);
        }

        /** The same pack whatever the region (a pack read from a file, or {@link RulePack#DEFAULT}). */
        static PackSource fixed(RulePack pack) {
            return region -> pack;
        }
    }

    private ProjectCheck() {
    }

    /** Runs the dry run and renders it as text or, with {@code json}, as the verdict JSON of the contract. */
    public static String run(Path file, String phaseOption, String regionOption, boolean json, RulePacks packs,
            Path libraryFile, OffsetDateTime checkedAt) throws CheckInputException {
        ObjectMapper mapper = HostJson.newMapper();
        return render(mapper, check(mapper, file, phaseOption, regionOption, PackSource.of(packs), libraryFile, checkedAt),
                json);
    }

    /** The verdict as the readable table, or with {@code json} as the pretty-printed verdict JSON of the contract. */
    public static String render(ObjectMapper mapper, Result result, boolean json) {
        if (json) {
            try {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result.verdict()) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("verdict not serializable", e);
            }
        }
        return VerdictTable.render(result);
    }

    static Result check(ObjectMapper mapper, Path file, String phaseOption, String regionOption, RulePacks packs,
            Path libraryFile, OffsetDateTime checkedAt) throws CheckInputException {
        return check(mapper, file, phaseOption, regionOption, PackSource.of(packs), libraryFile, checkedAt);
    }

    /**
     * Binds, then checks.
     *
     * @param libraryFile the indicator library; null or a missing file: none ({@code LIBRARY_UNKNOWN_INDICATOR} stays silent)
     * @throws CheckInputException the file, an option, the library or a pack parameter is unusable; the message
     *         says which (and names the field of a file that does not bind)
     */
    public static Result check(ObjectMapper mapper, Path file, String phaseOption, String regionOption, PackSource packs,
            Path libraryFile, OffsetDateTime checkedAt) throws CheckInputException {
        Project project = bind(mapper, file);
        Phase phase = phase(phaseOption, project);
        String region = region(regionOption, project);
        RulePack pack = packs.packFor(region);
        IndicatorLibrary library;
        try {
            library = CompileSupport.library(libraryFile);
        } catch (IllegalStateException e) {
            throw new CheckInputException(e.getMessage());
        }
        try (TargetChecker checker = CompileSupport.withCompileLoader(() -> new TargetChecker(library))) {
            Verdict verdict;
            try {
                verdict = CompileSupport.withCompileLoader(() -> checker.check(project, phase, pack, checkedAt));
            } catch (IllegalArgumentException e) {
                // a malformed parameter of the rule pack (the message names it)
                throw new CheckInputException("规则包参数有误 (rule pack parameter malformed): " + e.getMessage());
            } catch (RuntimeException e) {
                throw new CheckInputException("检查失败 (check failed) for " + project.projectCode() + ": " + e);
            }
            return new Result(file, project, phase, region, pack, libraryFile, !library.isEmpty(), verdict);
        }
    }

    /** One project of host contract v1; an unreadable or unbindable file is a message naming the field. */
    static Project bind(ObjectMapper mapper, Path file) throws CheckInputException {
        // The command reads files with the container's permissions and is open to viewers: only .json files,
        // and parse errors never quote what the file contains (see quoteless()).
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new CheckInputException("须为 .json 文件 (must be a .json file): " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckInputException("文件不存在 (no such file): " + file);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CheckInputException("不是有效的 JSON (not valid JSON): " + file + at(e.getLocation()) + ": "
                    + quoteless(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CheckInputException("无法读取文件 (cannot read file): " + file + ": " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new CheckInputException("文件为空 (file is empty): " + file);
        }
        if (!tree.isObject()) {
            throw new CheckInputException("须为一个项目对象 (must be one Project JSON object), 实为 (got) "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ": " + file);
        }
        if (tree.has("items") && !tree.has("projectCode")) {
            throw new CheckInputException("这是一页项目 (this is a page of projects, {\"items\": [...]}): "
                    + "请取出其中一个项目 (check one project of it): " + file);
        }
        Project project;
        try {
            project = mapper.treeToValue(tree, Project.class);
        } catch (JsonProcessingException e) {
            String path = pathOf(e);
            throw new CheckInputException("无法按主机契约 v1 读取项目 (project does not match host contract v1) — 字段 (field) '"
                    + (path.isEmpty() ? "(root)" : path) + "': " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new CheckInputException("无法按主机契约 v1 读取项目 (project does not match host contract v1): " + e.getMessage());
        }
        if (project.projectCode() == null || project.projectCode().isBlank()) {
            throw new CheckInputException("字段 (field) 'projectCode' 缺失 (is missing): " + file);
        }
        return project;
    }

    /** The option, else the project's budget phase when it is a checked compile phase, else DECLARED. */
    static Phase phase(String option, Project project) throws CheckInputException {
        if (option != null && !option.isBlank()) {
            Phase p;
            try {
                p = Phase.valueOf(option.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p = null;
            }
            if (p == null || !checked(p)) {
                throw new CheckInputException("阶段须为 (phase must be) LIBRARY|DECLARED|REVIEWED|APPROVED|PUBLISHED|ADJUST,"
                        + " 实为 (got) '" + option.strip() + "'");
            }
            return p;
        }
        Phase budget = project.budgetPhase();
        return budget != null && checked(budget) ? budget : Phase.DECLARED;
    }

    /** The compile phases with checks: LIBRARY (§7), DECLARED..PUBLISHED and ADJUST (§8). */
    private static boolean checked(Phase p) {
        return p == Phase.LIBRARY || p == Phase.ADJUST || p.atLeast(Phase.DECLARED);
    }

    /** The option, else the project's regionCode; null when neither gives one (the built-in pack applies). */
    static String region(String option, Project project) throws CheckInputException {
        String region = option != null && !option.isBlank() ? option.strip() : project.regionCode();
        if (region == null || region.isBlank()) {
            return null;
        }
        if (!RegionCode.valid(region)) {
            throw new CheckInputException("区划代码须为6位数字 (region code must be 6 digits): '" + region + "'");
        }
        return region;
    }

    /** {@code target.indicators[2].operator} from Jackson's reference chain. */
    static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A parser message without the text it quotes ({@code Unrecognized token 'abc'}), so a file that is not
     * a project cannot be read piecemeal through error messages.
     */
    static String quoteless(String message) {
        return message == null ? "" : message.replaceAll("'[^'\\n]*'", "'…'").replaceAll("\\(code \\d+\\)", "");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " 第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列 (line "
                        + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
