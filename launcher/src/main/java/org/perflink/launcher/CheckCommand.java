package org.perflink.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.admin.report.CheckInputException;
import org.perflink.admin.report.ProjectCheck;
import org.perflink.admin.report.RulePackFile;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.host.http.HostJson;

/**
 * {@code ./perflink check FILE [--phase P] [--region R] [--rule-pack FILE] [--library FILE] [--json]}: the
 * dry run of {@code perflink:check} without Karaf or a host, with the same binding, checker and table
 * ({@link ProjectCheck}). There is no region registry here: the pack is {@code --rule-pack} or the built-in
 * {@code default}, whatever the region; the region only names the verdict.
 * <p>
 * Exit codes: {@value #PASS} PASS or WARN (WARN does not stop the budget), {@value #BLOCK} BLOCK,
 * {@value #UNUSABLE} the file does not bind (the message names the field), an option, the library or the
 * pack is unusable.
 */
final class CheckCommand {

    static final int PASS = 0;
    static final int UNUSABLE = 2;
    static final int BLOCK = 3;

    private static final Set<String> OPTIONS = Set.of("phase", "region", "rule-pack", "library", "json");

    private final Path projectHome;
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(Path projectHome, PrintStream out, PrintStream err) {
        this.projectHome = projectHome;
        this.out = out;
        this.err = err;
    }

    int run(Main.Arguments args) {
        args.only(OPTIONS);
        List<String> files = args.positional();
        Map<String, String> opts = args.options();
        if (files.size() != 1) {
            throw new Main.UsageException(files.isEmpty() ? "check: a project JSON FILE is required"
                    : "check: one FILE at a time, got " + files.size());
        }
        boolean json = opts.containsKey("json");
        // relative paths are relative to where the command was typed; the default library lives in the project
        Path library = opts.containsKey("library") ? Path.of(opts.get("library")).toAbsolutePath().normalize()
                : projectHome.resolve("config/indicator-library.json");
        try {
            RulePack pack = opts.containsKey("rule-pack")
                    ? RulePackFile.load(Path.of(opts.get("rule-pack")).toAbsolutePath().normalize())
                    : RulePack.DEFAULT;
            ObjectMapper mapper = HostJson.newMapper();
            ProjectCheck.Result result = ProjectCheck.check(mapper, Path.of(files.get(0)), opts.get("phase"),
                    opts.get("region"), ProjectCheck.PackSource.fixed(pack), library, OffsetDateTime.now());
            out.print(ProjectCheck.render(mapper, result, json));
            out.flush();
            return result.verdict().outcome() == Verdict.Outcome.BLOCK ? BLOCK : PASS;
        } catch (CheckInputException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
    }
}
