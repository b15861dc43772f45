package org.perflink.launcher;

import java.util.ServiceLoader;

import org.perflink.api.model.Stage;
import org.perflink.api.stage.RuleCatalog;

/**
 * The stage services outside OSGi: each stage jar on the class path names its implementations of the api
 * interfaces in {@code META-INF/services}, so the launcher runs the same stage code as Karaf without reaching
 * into a stage's packages.
 */
final class StageJars {

    private StageJars() {
    }

    /** The one implementation of an api interface on the class path. */
    static <T> T one(Class<T> type) {
        return ServiceLoader.load(type, StageJars.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getName() + " on the class path: "
                        + "the launcher jar is incomplete"));
    }

    static RuleCatalog catalog(Stage stage) {
        return ServiceLoader.load(RuleCatalog.class, StageJars.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.stage() == stage).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule catalogue of the " + stage.en()
                        + " stage on the class path: the launcher jar is incomplete"));
    }
}
