package org.perflink.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.perflink.api.host.ContractCodec;
import org.perflink.api.model.Stage;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.api.stage.TargetCheck;

/** The stage services and the contract codec on the test classpath, found as the launcher finds them. */
public final class Loaded {

    private Loaded() {
    }

    private static <T> T one(Class<T> type) {
        return ServiceLoader.load(type).findFirst().orElseThrow(() -> new AssertionError("no " + type.getName()));
    }

    public static ContractCodec codec() {
        return one(ContractCodec.class);
    }

    public static TargetCheck.Standalone checks(Path libraryFile) {
        return one(TargetCheck.Factory.class).open(libraryFile);
    }

    public static LinkSimulation simulation() {
        return one(LinkSimulation.class);
    }

    /** Every catalogue on the classpath, in stage order. */
    public static List<RuleCatalog> catalogs() {
        return ServiceLoader.load(RuleCatalog.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(RuleCatalog::stage)).toList();
    }

    public static RuleCatalog catalog(Stage stage) {
        return catalogs().stream().filter(c -> c.stage() == stage).findFirst()
                .orElseThrow(() -> new AssertionError("no catalogue of " + stage));
    }

    /** The close stage as the simulation uses it. */
    public static HostSimulation.CloseStage close() {
        return new HostSimulation.CloseStage(simulation(), catalog(Stage.CLOSE));
    }
}
