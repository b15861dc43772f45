package org.perflink.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.host.ContractCodec;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.HostResult;
import org.perflink.api.stage.TargetCheck;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;

/**
 * The compile-stage dry run without a host (issue 3, item 7), shared by the Karaf command
 * {@code perflink:check FILE} and the command line {@code ./perflink check FILE}: binds one project of host
 * contract v1 from a JSON file with the contract's own codec ({@link ContractCodec}), checks it with the compile
 * stage's {@link TargetCheck} under a rule pack and renders the verdict ({@link VerdictTable}, or the verdict
 * JSON). No OSGi types: in Karaf the codec and the check are services and the pack comes from {@link RulePacks};
 * on the command line they come from {@link java.util.ServiceLoader} and the pack from a file or the built-in
 * default ({@link PackSource}).
 */
public final class ProjectCheck {

    /** Reads the file's shape only (JSON, one object, not a page) before the codec binds it to the contract. */
    private static final ObjectMapper SHAPE = new ObjectMapper();

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
    public static String run(ContractCodec codec, TargetCheck checks, Path file, String phaseOption, String regionOption,
            boolean json, RulePacks packs, OffsetDateTime checkedAt) throws CheckInputException {
        Result result;
        try {
            result = check(codec, checks, file, phaseOption, regionOption, PackSource.of(packs), checkedAt);
        } catch (CheckInputException e) {
            // in Karaf the command is open to viewers: no value of the file in the message
            throw new CheckInputException(withoutValues(e.getMessage()));
        }
        return render(codec, result, json);
    }

    /** The verdict as the readable table, or with {@code json} as the pretty-printed verdict JSON of the contract. */
    public static String render(ContractCodec codec, Result result, boolean json) {
        return json ? codec.writeResult(HostResult.of(result.verdict()), true) + "\n" : VerdictTable.render(result);
    }

    static Result check(ContractCodec codec, TargetCheck checks, Path file, String phaseOption, String regionOption,
            RulePacks packs, OffsetDateTime checkedAt) throws CheckInputException {
        return check(codec, checks, file, phaseOption, regionOption, PackSource.of(packs), checkedAt);
    }

    /**
     * Binds, then checks.
     *
     * @param checks the compile stage's checks, with the indicator library they were given
     *        (an empty one: {@code LIBRARY_UNKNOWN_INDICATOR} stays silent)
     * @throws CheckInputException the file, an option or a pack parameter is unusable; the message says which
     *         (and names the field of a file that does not bind)
     */
    public static Result check(ContractCodec codec, TargetCheck checks, Path file, String phaseOption,
            String regionOption, PackSource packs, OffsetDateTime checkedAt) throws CheckInputException {
        Project project = bind(codec, file);
        Phase phase = phase(phaseOption, project);
        String region = region(regionOption, project);
        RulePack pack = packs.packFor(region);
        Verdict verdict;
        try {
            verdict = checks.check(project, phase, pack, checkedAt);
        } catch (IllegalArgumentException e) {
            // a malformed parameter of the rule pack (the message names it)
            throw new CheckInputException("规则包参数有误 (rule pack parameter malformed): " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CheckInputException("检查失败 (check failed) for " + project.projectCode() + ": " + e);
        }
        TargetCheck.Library library = checks.library();
        Path libraryFile = library.location() == null ? null : Path.of(library.location());
        return new Result(file, project, phase, region, pack, libraryFile, library.loaded(), verdict);
    }

    /** One project of host contract v1; an unreadable or unbindable file is a message naming the field. */
    static Project bind(ContractCodec codec, Path file) throws CheckInputException {
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
            tree = SHAPE.readTree(file.toFile());
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
        Parsed<Project> parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = codec.readProject(in);
        } catch (IOException e) {
            throw new CheckInputException("无法按主机契约 v1 读取项目 (project does not match host contract v1): "
                    + quoteless(e.getMessage()));
        }
        if (!parsed.valid()) {
            String path = parsed.errorPath() == null ? "" : parsed.errorPath();
            throw new CheckInputException("无法按主机契约 v1 读取项目 (project does not match host contract v1) — 字段 (field) '"
                    + (path.isEmpty() ? "(root)" : path) + "': " + parsed.error());
        }
        Project project = parsed.value();
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
            throw new CheckInputException(option != null && !option.isBlank()
                    ? "区划代码须为6位数字 (region code must be 6 digits): '" + region + "'"
                    // a value of the file: never quoted (see withoutValues)
                    : "项目的 regionCode 不是6位区划代码 (the project's regionCode is not a 6-digit region code)");
        }
        return region;
    }

    /**
     * A parser message without the text it quotes ({@code Unrecognized token 'abc'}), so a file that is not
     * a project cannot be read piecemeal through error messages.
     */
    static String quoteless(String message) {
        return message == null ? "" : message.replaceAll("'[^'\\n]*'", "'…'").replaceAll("\\(code \\d+\\)", "");
    }

    /**
     * A binding message without the values it quotes (Jackson writes them in double quotes: {@code from String
     * "ABOUT"}), for {@code perflink:check} in Karaf, where a viewer could otherwise read a file piecemeal.
     */
    static String withoutValues(String message) {
        return message == null ? "" : message.replaceAll("\"[^\"\\n]*\"", "\"…\"");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " 第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列 (line "
                        + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
