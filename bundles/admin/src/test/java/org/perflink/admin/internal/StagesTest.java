package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.core.RegionKeys;
import org.perflink.api.model.Stage;

class StagesTest {

    @Test
    void acceptsEnglishAnyCaseAndChinese() {
        assertEquals(Stage.COMPILE, Stages.parse("compile"));
        assertEquals(Stage.EXECUTE, Stages.parse("EXECUTE"));
        assertEquals(Stage.CLOSE, Stages.parse(" 决算 "));
        assertEquals(EnumSet.of(Stage.COMPILE, Stage.CLOSE), Stages.parseAll(List.of("close,compile")));
        assertEquals(EnumSet.allOf(Stage.class), Stages.parseAll(List.of("编制", "execute，close")));
        assertEquals(Set.of(), Stages.parseAll(null));
    }

    @Test
    void anUnknownStageIsRefusedWithTheNamesThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stages.parse("monitor"));
        assertTrue(e.getMessage().contains("'monitor'") && e.getMessage().contains("compile|execute|close"), e.getMessage());
    }

    @Test
    void configurationKeysAndLabels() {
        assertEquals("compileEnabled", RegionKeys.stageEnabled(Stage.COMPILE));
        assertEquals("executeEnabled", RegionKeys.stageEnabled(Stage.EXECUTE));
        assertEquals("closeEnabled", RegionKeys.stageEnabled(Stage.CLOSE));
        assertEquals("编制,决算", Stages.zhList(EnumSet.of(Stage.CLOSE, Stage.COMPILE)));
        assertEquals("无 (none)", Stages.zhList(Set.of()));
        assertEquals("执行 (execute)", Stage.EXECUTE.label());
    }
}
