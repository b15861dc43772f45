package org.perflink.compile.internal;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.api.stage.TargetCheck;

/**
 * The target check service: the compile hook's checks with the library the hook is configured with
 * (configuration {@value LibraryLocation#PID}), for {@code perflink:check}. A configuration change re-activates it.
 */
@Component(service = TargetCheck.class, configurationPid = LibraryLocation.PID,
        property = RuleCatalog.STAGE_PROPERTY + "=COMPILE")
public final class CompileTargetCheck implements TargetCheck {

    private final LibraryTargetCheck check;

    @Activate
    public CompileTargetCheck(CompileHook.Config config) {
        Path file = LibraryLocation.resolve(config.file());
        this.check = new LibraryTargetCheck(LibraryLocation.loadOrEmpty(file), file);
    }

    @Deactivate
    void deactivate() {
        check.close();
    }

    @Override
    public Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt) {
        return check.check(project, phase, pack, checkedAt);
    }

    @Override
    public String describeLibrary(String regionCode, String functionCode, String indicatorName, RulePack pack) {
        String location = check.library().location();
        return LibraryReport.show(regionCode, functionCode, indicatorName, pack, location == null ? null : Path.of(location));
    }

    @Override
    public Library library() {
        return check.library();
    }
}
