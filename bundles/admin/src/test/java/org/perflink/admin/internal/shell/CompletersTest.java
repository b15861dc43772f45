package org.perflink.admin.internal.shell;

import org.perflink.reports.FakeRulePacks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.perflink.core.RegionSettings;

class CompletersTest {

    /** A command line whose cursor is at the end of {@code word}. */
    private static CommandLine typing(String word) {
        return (CommandLine) Proxy.newProxyInstance(CompletersTest.class.getClassLoader(), new Class<?>[] {CommandLine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCursorArgument" -> word;
                    case "getArgumentPosition", "getBufferPosition" -> word.length();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> region(String code) {
        return (ServiceReference<?>) Proxy.newProxyInstance(CompletersTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return "regionCode".equals(args[0]) ? code : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Only getServiceReferences(RegionSettings): the completer must not hold on to services. */
    private static BundleContext contextWith(ServiceReference<?>... refs) {
        return (BundleContext) Proxy.newProxyInstance(CompletersTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getServiceReferences") && RegionSettings.class.getName().equals(args[0])) {
                        return refs.length == 0 ? null : refs;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void regionCodesComeFromTheRegionServicesAtEachCompletion() {
        RegionCompleter completer = new RegionCompleter();
        completer.bundleContext = contextWith(region("440100"), region("440000"), region("450000"));
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typing("44"), candidates);
        assertEquals(List.of("440000 ", "440100 "), candidates);

        completer.bundleContext = contextWith();
        List<String> none = new ArrayList<>();
        completer.complete(null, typing(""), none);
        assertEquals(List.of(), none);
    }

    @Test
    void stagesPhasesAndRulePacksComplete() {
        List<String> stages = new ArrayList<>();
        new StageCompleter().complete(null, typing("c"), stages);
        assertEquals(List.of("close ", "compile "), stages);

        List<String> phases = new ArrayList<>();
        new PhaseCompleter().complete(null, typing("p"), phases);
        assertEquals(List.of("PUBLISHED "), phases, "case-insensitive");

        RulePackCompleter packs = new RulePackCompleter();
        packs.rulePacks = new FakeRulePacks().define("gd", "1", Map.of()).define("gz", "1", Map.of()).define("sz", "1", Map.of());
        List<String> names = new ArrayList<>();
        packs.complete(null, typing("g"), names);
        assertEquals(List.of("gd ", "gz "), names);
    }
}
