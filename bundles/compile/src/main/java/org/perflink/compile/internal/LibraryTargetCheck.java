package org.perflink.compile.internal;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.TargetCheck;

/** {@link TargetCheck} over a {@link TargetChecker} and the library file it was read from. */
final class LibraryTargetCheck implements TargetCheck.Standalone {

    private final TargetChecker checker;
    private final Library library;

    LibraryTargetCheck(IndicatorLibrary library, Path location) {
        this.checker = new TargetChecker(library);
        this.library = new Library(location == null ? null : location.toString(), !library.isEmpty());
    }

    @Override
    public Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt) {
        return checker.check(project, phase, pack, checkedAt);
    }

    @Override
    public String describeLibrary(String regionCode, String functionCode, String indicatorName, RulePack pack) {
        String location = library.location();
        return LibraryReport.show(regionCode, functionCode, indicatorName, pack, location == null ? null : Path.of(location));
    }

    @Override
    public Library library() {
        return library;
    }

    @Override
    public void close() {
        checker.close();
    }
}
