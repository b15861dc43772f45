package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.List;

import org.perflink.api.model.Stage;

/**
 * The stage bundles this bundle is wired to. Their packages are optional imports, so a missing stage
 * bundle leaves its package unwired: its marker class does not load here and its catalogue is skipped
 * (the report says which stages are not installed) instead of the whole bundle failing to resolve.
 */
public final class StageCatalogs {

    /**
     * The catalogue classes are named, not referenced: nothing links them (and through them the stage's
     * classes) before the stage's marker class is known to load.
     */
    private record Known(Stage stage, String markerClass, String catalogClass) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Stage.COMPILE, "org.perflink.compile.TargetChecker", "org.perflink.admin.internal.CompileCatalog"),
            new Known(Stage.EXECUTE, "org.perflink.execute.DualMonitor", "org.perflink.admin.internal.ExecuteCatalog"),
            new Known(Stage.CLOSE, "org.perflink.close.CloseRules", "org.perflink.admin.internal.CloseCatalog"));

    private StageCatalogs() {
    }

    /** The catalogues of the installed stages, in stage order. */
    public static List<StageCatalog> installed() {
        List<StageCatalog> list = new ArrayList<>();
        for (Known k : KNOWN) {
            if (available(k.markerClass())) {
                list.add(instantiate(k.catalogClass()));
            }
        }
        return list;
    }

    /** The stages whose bundle is not wired, in stage order. */
    public static List<Stage> missing() {
        List<Stage> list = new ArrayList<>();
        for (Known k : KNOWN) {
            if (!available(k.markerClass())) {
                list.add(k.stage());
            }
        }
        return list;
    }

    private static StageCatalog instantiate(String className) {
        try {
            return (StageCatalog) Class.forName(className, true, StageCatalogs.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className, e);
        }
    }

    /** True when this bundle can load the class (its package is wired). */
    public static boolean available(String className) {
        try {
            Class.forName(className, false, StageCatalogs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static boolean compileInstalled() {
        return available(KNOWN.get(0).markerClass());
    }

    public static boolean closeInstalled() {
        return available(KNOWN.get(2).markerClass());
    }

    /** The JSON mapper of host contract v1 comes with the camel bundle. */
    public static boolean hostJsonInstalled() {
        return available("org.perflink.host.http.HostJson");
    }

    /** The HTTP gateway of host contract v1, with the camel bundle too. */
    public static boolean hostGatewayInstalled() {
        return available("org.perflink.camel.host.HttpHostGateway");
    }
}
