package org.perflink.admin.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.junit.jupiter.api.Test;

/** The command set as Karaf will see it, and the ACL that ships with it. */
class CommandsTest {

    static final List<Class<? extends Action>> ACTIONS = List.of(RegionsAction.class, EnableAction.class,
            DisableAction.class, RegionAddAction.class, RegionRemoveAction.class, DeadLettersAction.class,
            ReplayAction.class, RulePackAction.class, CheckAction.class, SimulateAction.class, ResultsAction.class,
            RunAction.class, LibraryAction.class, EvaluatorsAction.class, RankingAction.class, ReportAction.class);

    static final Set<String> VIEWER = Set.of("regions", "dead-letters", "rule-pack", "check", "results",
            "library", "evaluators", "ranking");
    static final Set<String> OPERATOR = Set.of("replay", "simulate", "run");
    static final Set<String> ADMIN = Set.of("enable", "disable", "region-add", "region-remove", "report");

    /** The ACL file is part of the change; tests run in bundles/admin. */
    static final Path ACL = Path.of("../../config/org.apache.karaf.command.acl.perflink.cfg");

    @Test
    void everyActionIsAServiceCommandOfThePerflinkScopeWithADescription() {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Action> a : ACTIONS) {
            assertNotNull(a.getAnnotation(Service.class), a.getName());
            Command c = a.getAnnotation(Command.class);
            assertEquals("perflink", c.scope(), a.getName());
            assertTrue(c.description().contains("(") && c.description().codePoints().anyMatch(cp -> cp > 0x4e00),
                    "zh-CN with English in parentheses: " + c.description());
            names.add(c.name());
        }
        Set<String> all = new TreeSet<>(VIEWER);
        all.addAll(OPERATOR);
        all.addAll(ADMIN);
        assertEquals(all, names);
    }

    @Test
    void regionAndStageArgumentsComplete() throws NoSuchFieldException {
        for (Class<? extends Action> a : ACTIONS) {
            for (Field f : a.getDeclaredFields()) {
                Argument arg = f.getAnnotation(Argument.class);
                if (arg == null) {
                    continue;
                }
                Completion completion = f.getAnnotation(Completion.class);
                if (arg.name().equals("region") || (arg.name().equals("code") && a == RegionRemoveAction.class)) {
                    assertEquals(RegionCompleter.class, completion.value(), a.getName() + "." + f.getName());
                }
                if (arg.name().equals("stages") || arg.name().equals("stage")) {
                    assertEquals(StageCompleter.class, completion.value(), a.getName() + "." + f.getName());
                }
            }
        }
        assertEquals(StageCompleter.class, RegionAddAction.class.getDeclaredField("stages").getAnnotation(Completion.class).value());
        assertEquals(RegionCompleter.class, CheckAction.class.getDeclaredField("region").getAnnotation(Completion.class).value());
    }

    @Test
    void theAclHasAnEntryPerCommandWithTheRolesOfIssue7() throws IOException {
        Properties acl = new Properties();
        try (Reader r = Files.newBufferedReader(ACL, StandardCharsets.ISO_8859_1)) {
            acl.load(r);
        }
        Map<String, Set<String>> roles = acl.stringPropertyNames().stream().collect(Collectors.toMap(k -> k,
                k -> Arrays.stream(acl.getProperty(k).split(",")).map(String::strip).collect(Collectors.toSet())));
        for (Class<? extends Action> a : ACTIONS) {
            String name = a.getAnnotation(Command.class).name();
            Set<String> allowed = roles.get(name);
            assertNotNull(allowed, "no ACL entry for perflink:" + name);
            assertTrue(allowed.containsAll(Set.of("perflink-admin", "admin")), name + " " + allowed);
            assertEquals(VIEWER.contains(name), allowed.contains("perflink-viewer"), name + " " + allowed);
            assertEquals(VIEWER.contains(name) || OPERATOR.contains(name), allowed.contains("perflink-operator"),
                    name + " " + allowed);
        }
        assertEquals(Set.of("perflink-admin", "admin"), roles.get("*"), "a command added later stays with administrators");
        assertFalse(roles.values().stream().anyMatch(s -> s.contains("")), "no empty role: " + roles);
    }
}
