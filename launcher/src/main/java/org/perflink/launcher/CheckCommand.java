package org.perflink.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.perflink.api.host.ContractCodec;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.TargetCheck;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.ProjectCheck;
import org.perflink.reports.RulePackFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./perflink check FILE [--phase P] [--region R] [--rule-pack FILE] [--library FILE] [--json]}: the
 * dry run of {@code perflink:check} without Karaf or a host, with the same binding, checker and table
 * ({@link ProjectCheck}; the checks and the contract codec come from the stage jars, {@link StageJars}). There is no region registry here: the pack is {@code --rule-pack} or the built-in
 * {@code default}, whatever the region; the region only names the verdict.
 * <p>
 * Exit codes: {@value #PASS} PASS or WARN (WARN does not stop the budget), {@value #BLOCK} BLOCK,
 * {@value #UNUSABLE} the file does not bind (the message names the field), an option, the library or the
 * pack is unusable.
 */
@Command(name = "check", description = {
    "编制阶段检查的干运行：一个项目 JSON 文件（主机契约 v1），无需 Karaf 或主机。",
    "Dry run of the compile-stage check of one project JSON file (host contract v1), without Karaf or a host.",
    "Exit 0: PASS or WARN; 3: BLOCK; 2: the file, an option or a pack is unusable."})
final class CheckCommand implements Callable<Integer> {

    static final int PASS = 0;
    static final int UNUSABLE = 2;
    static final int BLOCK = 3;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "项目 JSON 文件 (one project JSON file)")
    List<String> files = new ArrayList<>();

    @Option(names = "--phase", paramLabel = "P", description = "DECLARED | REVIEWED | APPROVED | PUBLISHED (默认项目的 budgetPhase; default: the project's)")
    String phase;

    @Option(names = "--region", paramLabel = "R", description = "结论的区划 (the verdict's region; default: the project's)")
    String region;

    @Option(names = "--rule-pack", paramLabel = "FILE", description = "规则包文件 (rule pack file .cfg/.properties; default: built-in default)")
    String rulePack;

    @Option(names = "--library", paramLabel = "FILE", description = "指标库 (indicator library; default: config/indicator-library.json)")
    String library;

    @Option(names = "--json", description = "输出结论 JSON (the verdict as the contract's JSON)")
    boolean json;

    private final Path projectHome;
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(Path projectHome, PrintStream out, PrintStream err) {
        this.projectHome = projectHome;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (files.size() != 1) {
            throw new Main.UsageException(files.isEmpty() ? "check: a project JSON FILE is required"
                    : "check: one FILE at a time, got " + files.size());
        }
        // relative paths are relative to where the command was typed; the default library lives in the project
        Path libraryFile = library != null ? Path.of(library).toAbsolutePath().normalize()
                : projectHome.resolve("config/indicator-library.json");
        try {
            RulePack pack = rulePack != null
                    ? RulePackFile.load(Path.of(rulePack).toAbsolutePath().normalize())
                    : RulePack.DEFAULT;
            ContractCodec codec = StageJars.one(ContractCodec.class);
            try (TargetCheck.Standalone checks = StageJars.one(TargetCheck.Factory.class).open(libraryFile)) {
                ProjectCheck.Result result = ProjectCheck.check(codec, checks, Path.of(files.get(0)), phase,
                        region, ProjectCheck.PackSource.fixed(pack), OffsetDateTime.now());
                out.print(ProjectCheck.render(codec, result, json));
                out.flush();
                return result.verdict().outcome() == Verdict.Outcome.BLOCK ? BLOCK : PASS;
            }
        } catch (IllegalStateException e) {
            // the indicator library exists but cannot be read (the message names it)
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (CheckInputException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
    }
}
